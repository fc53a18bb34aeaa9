package org.vein2vein.batch.api.stagedata;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;

/** A bag or dose with its own id, as labelled. */
@Schema(name = "NewUnit", description = "A bag or dose, labelled with its own unit id")
public record UnitData(
        @NotNull @Pattern(regexp = Fields.UNIT_ID, message = Fields.UNIT_ID_MESSAGE)
        @Schema(required = true, example = "V2V7K3Q9P2XRTB-01") String unitId,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be above 0 mL")
        @DecimalMax(value = "1000", message = "must be at most 1000 mL")
        @Digits(integer = 4, fraction = 2, message = "must have at most 4 digits before the decimal point and 2 after")
        @Schema(required = true, description = "Volume, in mL, to 2 decimal places", example = "70")
        BigDecimal volumeMl,
        @NotNull @PositiveOrZero @Max(value = 1_000_000_000_000L, message = "must be at most 10^12 cells")
        @Schema(required = true, description = "CAR+ viable T cells in the unit", example = "300000000")
        Long carPositiveViableCells) {

    StageData.LabelledUnit toDomain() {
        return new StageData.LabelledUnit(unitId, volumeMl, carPositiveViableCells);
    }
}
