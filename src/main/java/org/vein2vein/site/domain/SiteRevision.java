package org.vein2vein.site.domain;

import java.time.Instant;

import org.vein2vein.kernel.Actor;

/** One version of a site as it was written: the values, when, and by whom. Never changed afterwards. */
public record SiteRevision(Site site, Instant revisedAt, Actor revisedBy) {
}
