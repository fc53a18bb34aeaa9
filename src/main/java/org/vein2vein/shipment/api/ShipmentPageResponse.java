package org.vein2vein.shipment.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ShipmentPage")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShipmentPageResponse(List<ShipmentResponse> items,
        @Schema(description = "Where the next page starts (fromId); absent on the last page") String nextFromId) {
}
