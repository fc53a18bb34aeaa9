package org.vein2vein.site.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.site.domain.SiteKind;

/** The new values of a site: all of them, as PUT replaces them. The code is the path's. */
@Schema(name = "UpdateSiteRequest")
public record UpdateSiteRequest(
        @NotNull @Pattern(regexp = SiteFields.NAME, message = SiteFields.NAME_MESSAGE)
        @Schema(required = true, description = "The facility's name, 1 to 120 characters; never a person's name",
                example = "Hospices Civils de Lyon, apheresis unit") String name,
        @NotNull @Schema(required = true) SiteKind kind,
        @NotNull @Pattern(regexp = SiteFields.CODE, message = SiteFields.ORGANISATION_MESSAGE)
        @Schema(required = true, description = "Code of the organisation that runs the site", example = "HOSP-LYON")
        String organisation,
        @NotNull @Schema(required = true, description = "false once the site no longer takes part") Boolean active) {
}
