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


/** One bioreactor measurement; expansion is logged as often as it is measured. */
@Schema(name = "ExpansionData", description = "EXPANDED: one bioreactor measurement (repeatable)")
public record ExpansionData(
        @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
        @Schema(required = true, example = "BR-PRODIGY-02") String bioreactor,
        @NotNull @PositiveOrZero @Max(value = 60, message = "must be at most day 60")
        @Schema(required = true, description = "Day of culture", example = "7") Integer cultureDay,
        @NotNull @PositiveOrZero @Max(value = 1_000_000_000_000L, message = "must be at most 10^12 cells")
        @Schema(required = true, example = "2400000000") Long viableCells,
        @NotNull @DecimalMin(value = "0", message = "must be at least 0 %")
        @DecimalMax(value = "100", message = "must be at most 100 %")
        @Digits(integer = 3, fraction = 2, message = "must have at most 3 digits before the decimal point and 2 after")
        @Schema(required = true, description = "Viability, in percent, to 2 decimal places", example = "93.5")
        BigDecimal viabilityPercent)
        implements StageDataBody {

    @Override
    public StageData toDomain() {
        return new StageData.Expansion(bioreactor, cultureDay, viableCells, viabilityPercent);
    }
}
