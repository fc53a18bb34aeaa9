package org.vein2vein.site.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.site.application.SiteState;
import org.vein2vein.site.domain.SiteKind;

/** A site as clients see it. */
@Schema(name = "Site")
public record SiteResponse(
        @Schema(example = "SITE-LYON-01") String code,
        @Schema(example = "Hospices Civils de Lyon, apheresis unit") String name,
        SiteKind kind,
        @Schema(example = "HOSP-LYON") String organisation,
        boolean active,
        @Schema(description = "Starts at 1, one more with every change; also the site's ETag") long version,
        Instant createdAt,
        Instant updatedAt) {

    static SiteResponse of(SiteState state) {
        var site = state.site();
        return new SiteResponse(site.code(), site.name(), site.kind(), site.organisation(), site.active(),
                site.version(), state.createdAt(), state.updatedAt());
    }

    /** Strong entity tag: the version changes with every change of the site. */
    String etag() {
        return Long.toString(version);
    }
}
