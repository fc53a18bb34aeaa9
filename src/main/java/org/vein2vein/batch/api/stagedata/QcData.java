package org.vein2vein.batch.api.stagedata;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.product.domain.QcResult;
import org.vein2vein.product.domain.QcTest;
import org.vein2vein.product.domain.QualitativeOutcome;

/**
 * The lot's QC results. Whether each is within the product's release specification is computed by
 * the service, never sent.
 */
@Schema(name = "QcData", description = "QC_TESTED: the QC results of the lot; the service adds whether each is "
        + "within specification")
public record QcData(
        @NotNull @Size(min = 1, max = 20, message = "must list 1 to 20 results")
        @Schema(required = true) List<@NotNull @Valid Result> results) implements StageDataBody {

    @Schema(name = "QcResult", description = "One QC test: a value with its unit, or a qualitative outcome")
    public record Result(
            @NotNull @Schema(required = true) QcTest test,
            @DecimalMin(value = "0", message = "must not be negative")
            @DecimalMax(value = "1000000000000", message = "must be at most 10^12")
            @Digits(integer = 13, fraction = 4,
                    message = "must have at most 13 digits before the decimal point and 4 after")
            @Schema(description = "Quantitative tests: the value, in the test's unit, to 4 decimal places; at most 100 "
                    + "(VIABILITY), 10^12 (CAR_POSITIVE_VIABLE_CELLS, a whole number), 10000 (ENDOTOXIN), 100 "
                    + "(VECTOR_COPY_NUMBER)", example = "91.2") BigDecimal value,
            @Schema(description = "Quantitative tests: the unit: % (VIABILITY), cells (CAR_POSITIVE_VIABLE_CELLS), "
                    + "EU/mL (ENDOTOXIN), copies/cell (VECTOR_COPY_NUMBER)", example = "%") String unit,
            @Schema(description = "Qualitative tests (STERILITY, MYCOPLASMA): the outcome") QualitativeOutcome outcome,
            @NotNull @Pattern(regexp = Fields.CODE, message = Fields.CODE_MESSAGE)
            @Schema(required = true, description = "The method or SOP", example = "FLOW-7AAD") String method) {

        QcResult toResult() {
            return new QcResult(test, Optional.ofNullable(value), Optional.ofNullable(outcome),
                    Optional.ofNullable(unit), method);
        }
    }

    @Override
    public StageData toDomain() {
        return new StageData.QcResults(results.stream().map(Result::toResult).toList());
    }

    /** Each test reported once; value, unit or outcome as the test needs them. */
    @Override
    public List<Problem.Violation> crossFieldViolations() {
        return QcResult.violations(results.stream().map(Result::toResult).toList()).stream()
                .map(violation -> new Problem.Violation(violation.field(), violation.message()))
                .toList();
    }
}
