package org.vein2vein.shipper.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the shipper registry, in id order. */
@Schema(name = "ShipperPage")
public record ShipperPageResponse(
        List<ShipperResponse> shippers,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The id the next page starts at; absent on the last page", example = "DS-0300")
        String nextFromId) {
}
