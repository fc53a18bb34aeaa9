package org.vein2vein.site.application;

import java.util.List;
import java.util.Optional;

/** Part of a list, and where the next part starts when more follow. */
public record Page<T, K>(List<T> items, Optional<K> next) {
}
