package org.vein2vein.batch.api.stagedata;

import java.util.Optional;

import java.math.BigDecimal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;


/** A unit thawed for infusion (at occurredAt): an identity checkpoint, and the start of the thaw-to-infusion window. */
@Schema(name = "ThawData", description = "THAWED: a unit thawed at the bedside or in the pharmacy, an identity "
        + "checkpoint")
public record ThawData(
        @NotNull @Pattern(regexp = Fields.UNIT_ID, message = Fields.UNIT_ID_MESSAGE)
        @Schema(required = true, description = "The unit thawed", example = "V2V7K3Q9P2XRTB-01") String unitId,
        @NotNull @Valid @Schema(required = true) IdentityCheckData identityCheck,
        @DecimalMin(value = "0", message = "must be at least 0 °C") @DecimalMax(value = "45", message = "must be at most 45 °C")
        @Digits(integer = 2, fraction = 2, message = "must have at most 2 digits before the decimal point and 2 after")
        @Schema(description = "Water bath or dry thawer temperature, in °C, to 2 decimal places", example = "37")
        BigDecimal thawTemperatureC)
        implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.Thaw(unitId, identityCheck.toScan(), Optional.ofNullable(thawTemperatureC));
    }
}
