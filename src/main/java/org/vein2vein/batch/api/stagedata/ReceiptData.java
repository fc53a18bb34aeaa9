package org.vein2vein.batch.api.stagedata;

import java.util.Optional;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;


/** The receiving side of a handover: an identity checkpoint, and the condition the shipment arrived in. */
@Schema(name = "ReceiptData", description = "RECEIVED_AT_MANUFACTURING, RECEIVED_AT_SITE: receipt of a shipment, "
        + "an identity checkpoint")
public record ReceiptData(
        @NotNull @Valid @Schema(required = true) IdentityCheckData identityCheck,
        @NotNull @Schema(required = true, description = "The condition the shipment arrived in") StageData.Condition condition,
        @DecimalMin(value = "-273.15", message = "must not be below absolute zero")
        @DecimalMax(value = "60", message = "must be at most 60 °C")
        @Digits(integer = 3, fraction = 2, message = "must have at most 3 digits before the decimal point and 2 after")
        @Schema(description = "Temperature read on arrival, in °C, to 2 decimal places", example = "4.2")
        BigDecimal temperatureOnArrivalC,
        @Size(max = 500, message = "must list at most 500 units")
        @Schema(description = "RECEIVED_AT_SITE: the units received (required there); must equal the units shipped")
        List<@NotNull @Pattern(regexp = Fields.UNIT_ID, message = Fields.UNIT_ID_MESSAGE) String> unitIds)
        implements StageDataBody {


    @Override
    public StageData toDomain() {
        return new StageData.Receipt(identityCheck.toScan(), condition, Optional.ofNullable(temperatureOnArrivalC),
                unitIds == null ? List.of() : unitIds, Optional.empty());
    }
}
