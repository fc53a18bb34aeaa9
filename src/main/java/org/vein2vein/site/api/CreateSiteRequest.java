package org.vein2vein.site.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.site.domain.SiteKind;

/** A new site, as an administrator describes it; the service sets its version and records who created it. */
@Schema(name = "CreateSiteRequest")
public record CreateSiteRequest(
        @NotNull @Pattern(regexp = SiteFields.CODE, message = SiteFields.CODE_MESSAGE)
        @Schema(required = true, description = "The code batches and tokens name the site by; never changes",
                example = "SITE-LYON-01") String code,
        @NotNull @Pattern(regexp = SiteFields.NAME, message = SiteFields.NAME_MESSAGE)
        @Schema(required = true, description = "The facility's name, 1 to 120 characters; never a person's name",
                example = "Hospices Civils de Lyon, apheresis unit") String name,
        @NotNull @Schema(required = true) SiteKind kind,
        @NotNull @Pattern(regexp = SiteFields.CODE, message = SiteFields.ORGANISATION_MESSAGE)
        @Schema(required = true, description = "Code of the organisation that runs the site", example = "HOSP-LYON")
        String organisation) {
}
