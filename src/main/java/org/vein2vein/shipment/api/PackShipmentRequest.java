package org.vein2vein.shipment.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.api.Patterns;
import org.vein2vein.platform.json.JsonBounds;

@Schema(name = "PackShipmentRequest", description = "The units left controlled storage and are packed in the shipper")
public record PackShipmentRequest(
        @NotNull @Schema(required = true, description = "When the shipper was closed; " + JsonBounds.INSTANT_RANGE,
                example = "2026-12-09T08:25:00Z") Instant packedAt,
        @NotNull @Schema(required = true, description = "When the units left controlled storage; the product's "
                + "out-of-storage window runs from it to packedAt; " + JsonBounds.INSTANT_RANGE,
                example = "2026-12-09T08:05:00Z") Instant outOfStorageSince,
        @Pattern(regexp = Patterns.REFERENCE, message = Patterns.REFERENCE_MESSAGE)
        @Schema(description = "The documented deviation under which packing outside a time window is accepted",
                example = "DEV-2026-0117") String deviationReference) {
}
