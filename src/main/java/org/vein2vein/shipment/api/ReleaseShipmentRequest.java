package org.vein2vein.shipment.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.platform.json.JsonBounds;

@Schema(name = "ReleaseShipmentRequest", description = "The releasing side of a handover: the party holding the "
        + "shipment hands it to the next; it holds it until the next party accepts. Name either toOrganisation or "
        + "toDestination: true.")
public record ReleaseShipmentRequest(
        @NotNull @Schema(required = true, description = "When it was handed over; " + JsonBounds.INSTANT_RANGE,
                example = "2026-12-09T09:05:00Z") Instant occurredAt,
        @Pattern(regexp = ShipmentFields.REFERENCE, message = ShipmentFields.REFERENCE_MESSAGE)
        @Schema(description = "The logistics organisation it goes to: the courier first, then a leg, depot or "
                + "customs broker", example = "CRYO-COURIER-EU") String toOrganisation,
        @Schema(description = "true: the courier delivers it to the destination site, which accepts it by "
                + "receiving it") Boolean toDestination,
        @Pattern(regexp = ShipmentFields.PLACE, message = ShipmentFields.PLACE_MESSAGE)
        @Schema(description = "Where it was handed over: the code of a depot, airport or hub (never free text)",
                example = "LYS-CARGO-DEPOT")
        String place) {
}
