package org.vein2vein.site.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the site registry, in code order. */
@Schema(name = "SitePage")
public record SitePageResponse(
        List<SiteResponse> sites,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The code the next page starts at; absent on the last page", example = "SITE-NICE-02")
        String nextFromCode) {
}
