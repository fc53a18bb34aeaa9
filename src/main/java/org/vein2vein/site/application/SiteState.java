package org.vein2vein.site.application;

import java.time.Instant;

import org.vein2vein.site.domain.Site;

/** A site's current version with when it was created and last changed. */
public record SiteState(Site site, Instant createdAt, Instant updatedAt) {
}
