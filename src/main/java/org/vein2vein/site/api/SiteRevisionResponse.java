package org.vein2vein.site.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.platform.web.ActorResponse;
import org.vein2vein.site.domain.SiteKind;
import org.vein2vein.site.domain.SiteRevision;

/** One version of a site as it was written, by whom and when. */
@Schema(name = "SiteRevision")
public record SiteRevisionResponse(
        @Schema(example = "2") long version,
        @Schema(example = "Hospices Civils de Lyon, apheresis unit") String name,
        SiteKind kind,
        @Schema(example = "HOSP-LYON") String organisation,
        boolean active,
        Instant revisedAt,
        @Schema(description = "Who wrote this version, from their token") ActorResponse revisedBy) {

    static SiteRevisionResponse of(SiteRevision revision) {
        var site = revision.site();
        var actor = revision.revisedBy();
        return new SiteRevisionResponse(site.version(), site.name(), site.kind(), site.organisation(), site.active(),
                revision.revisedAt(), ActorResponse.of(actor));
    }
}
