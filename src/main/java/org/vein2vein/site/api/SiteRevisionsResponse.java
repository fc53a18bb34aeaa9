package org.vein2vein.site.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a site's revisions, oldest first. */
@Schema(name = "SiteRevisions")
public record SiteRevisionsResponse(
        @Schema(example = "SITE-LYON-01") String code,
        List<SiteRevisionResponse> revisions,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The version the next page starts at; absent on the last page")
        Long nextFromVersion) {
}
