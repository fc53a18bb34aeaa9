package org.vein2vein.batch.api.stagedata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.DonationId;
import org.vein2vein.batch.domain.InvalidDonationIdException;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.platform.json.JsonBounds;
import org.vein2vein.platform.problem.Problem;

/** One apheresis session ({@code COLLECTED}); a therapy may need several, each with its own DIN. */
@Schema(name = "CollectionData", description = "COLLECTED: one apheresis session")
public record CollectionData(
        @NotNull @Schema(required = true, description = "ISBT 128 donation identification number of this "
                + "collection: 13 characters and its ISO 7064 mod 37-2 check character, no spaces",
                example = "A999926123456T") String donationId,
        @NotNull @Schema(required = true, description = "When the apheresis started; " + JsonBounds.INSTANT_RANGE,
                example = "2026-11-25T07:10:00Z") Instant startedAt,
        @NotNull @Schema(required = true, description = "When the apheresis ended; " + JsonBounds.INSTANT_RANGE,
                example = "2026-11-25T09:20:00Z") Instant endedAt,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be above 0 mL")
        @DecimalMax(value = "2000", message = "must be at most 2000 mL")
        @Digits(integer = 4, fraction = 2, message = "must have at most 4 digits before the decimal point and 2 after")
        @Schema(required = true, description = "Volume collected, in mL, to 2 decimal places", example = "210")
        BigDecimal volumeMl,
        @NotNull @PositiveOrZero @Max(value = 1_000_000_000_000L, message = "must be at most 10^12 cells")
        @Schema(required = true, description = "Total nucleated cells", example = "12000000000")
        Long totalNucleatedCells,
        @NotNull @PositiveOrZero @Max(value = 1_000_000_000_000L, message = "must be at most 10^12 cells")
        @Schema(required = true, description = "CD3+ T cells", example = "6500000000") Long cd3PositiveCells,
        @NotNull @Schema(required = true) StageData.Anticoagulant anticoagulant) implements StageDataBody {


    @Override
    public StageData toDomain() {
        return new StageData.Collection(donationId, startedAt, endedAt, volumeMl, totalNucleatedCells,
                cd3PositiveCells, anticoagulant);
    }

    @Override
    public List<Problem.Violation> crossFieldViolations() {
        List<Problem.Violation> violations = new ArrayList<>();
        if (donationId != null) {
            try {
                DonationId.parse(donationId);
            } catch (InvalidDonationIdException e) {
                violations.add(new Problem.Violation("donationId", e.getMessage()));
            }
        }
        if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
            violations.add(new Problem.Violation("endedAt", "must not be before startedAt"));
        }
        if (totalNucleatedCells != null && cd3PositiveCells != null && cd3PositiveCells > totalNucleatedCells) {
            violations.add(new Problem.Violation("cd3PositiveCells", "must not exceed totalNucleatedCells"));
        }
        return violations;
    }
}
