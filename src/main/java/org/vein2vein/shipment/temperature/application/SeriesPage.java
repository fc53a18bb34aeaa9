package org.vein2vein.shipment.temperature.application;

import java.util.List;
import java.util.Optional;

import org.vein2vein.shipment.temperature.domain.SeriesPosition;

/** Part of a shipment's readings or buckets, and, when more follow, the position the next part comes after. */
public record SeriesPage<T>(List<T> items, Optional<SeriesPosition> next) {
}
