package org.vein2vein.shipment.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.api.Patterns;
import org.vein2vein.batch.api.stagedata.IdentityCheckData;
import org.vein2vein.platform.json.JsonBounds;
import org.vein2vein.shipment.domain.Handover;

@Schema(name = "ReceiveShipmentRequest", description = "The destination accepts the delivered shipment: the units "
        + "received, each with what was scanned from its label, the condition and the temperature on arrival")
public record ReceiveShipmentRequest(
        @NotNull @Schema(required = true, description = "When it was received; " + JsonBounds.INSTANT_RANGE,
                example = "2026-12-09T14:40:00Z") Instant occurredAt,
        @NotNull @Schema(required = true, description = "The condition it arrived in") Handover.Condition condition,
        @NotNull @DecimalMin(value = "-273.15", message = "must not be below absolute zero")
        @DecimalMax(value = "60", message = "must be at most 60 °C")
        @Digits(integer = 3, fraction = 2, message = "must have at most 3 digits before the decimal point and 2 after")
        @Schema(required = true, description = "Temperature read on arrival, in °C; outside the shipment's class the "
                + "receipt needs a deviationReference", example = "-182.5") BigDecimal temperatureOnArrivalC,
        @Pattern(regexp = Patterns.REFERENCE, message = Patterns.REFERENCE_MESSAGE)
        @Schema(description = "The documented deviation under which an arrival outside the class, or a late one, is "
                + "accepted; recorded with the receipt", example = "DEV-2026-0117") String deviationReference,
        @NotNull @Size(min = 1, max = 500, message = "must list 1 to 500 units") @Valid
        @Schema(required = true, description = "The units received: must be the units packed")
        List<@NotNull @Valid ReceivedUnitRequest> units) {

    /** A unit received, and the identity check of its label. */
    @Schema(name = "ReceivedUnit")
    public record ReceivedUnitRequest(
            @NotNull @Pattern(regexp = ShipmentFields.UNIT_ID, message = ShipmentFields.UNIT_ID_MESSAGE)
            @Schema(required = true, example = "V2V7K3Q9P2XRTB-01") String unitId,
            @NotNull @Valid @Schema(required = true) IdentityCheckData identityCheck) {
    }
}
