package org.vein2vein.shipment.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.platform.json.JsonBounds;
import org.vein2vein.shipment.domain.Handover;

@Schema(name = "AcceptHandoverRequest", description = "The receiving side of a handover: custody passes")
public record AcceptHandoverRequest(
        @NotNull @Schema(required = true, description = "When it was accepted; " + JsonBounds.INSTANT_RANGE,
                example = "2026-12-09T09:06:00Z") Instant occurredAt,
        @NotNull @Schema(required = true, description = "The condition the receiving party observed")
        Handover.Condition condition) {
}
