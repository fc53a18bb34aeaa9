package org.vein2vein.product.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What QC results a lot must have for QA to release it.
 *
 * @param minViabilityPercent     lowest viability of the final product, in percent
 * @param dose                    the labelled dose range of CAR+ viable T cells
 * @param sterilityNegative       sterility must be negative; always true, stated so the specification reads whole
 * @param mycoplasmaNegative      mycoplasma must be negative; always true, likewise
 * @param maxEndotoxinEuPerMl     highest endotoxin, in EU/mL
 * @param maxVectorCopiesPerCell  highest vector copy number, in copies per transduced cell
 */
public record ReleaseSpecification(BigDecimal minViabilityPercent, DoseRange dose, boolean sterilityNegative,
        boolean mycoplasmaNegative, BigDecimal maxEndotoxinEuPerMl, BigDecimal maxVectorCopiesPerCell) {

    public ReleaseSpecification {
        Objects.requireNonNull(minViabilityPercent, "minViabilityPercent");
        Objects.requireNonNull(dose, "dose");
        Objects.requireNonNull(maxEndotoxinEuPerMl, "maxEndotoxinEuPerMl");
        Objects.requireNonNull(maxVectorCopiesPerCell, "maxVectorCopiesPerCell");
    }

    /**
     * Holds a lot's QC results against this specification. Every {@link QcTest} is required; limits
     * are inclusive (a result exactly at a limit passes) and numbers compare by value, whatever their
     * scale. Sterility and mycoplasma must be NEGATIVE whatever the flags say: a positive result never
     * passes, and a valid definition states both flags true anyway.
     *
     * <p>Judges only results that can be judged: whether they are complete is the assessment's
     * concern, whether they are well formed (units, a test reported once) is not, and results with
     * any {@link QcResult#violations(List) violation} are refused rather than guessed at.
     *
     * @throws InvalidQcResultsException if the results have violations
     */
    public ReleaseAssessment assess(List<QcResult> results) {
        Map<QcTest, QcResult> byTest = new EnumMap<>(QcTest.class);
        for (QcResult result : QcResult.validated(results)) {
            byTest.put(result.test(), result);
        }
        List<Verdict> verdicts = new ArrayList<>();
        Set<QcTest> missing = EnumSet.noneOf(QcTest.class);
        for (QcTest test : QcTest.values()) {
            QcResult result = byTest.get(test);
            if (result == null) {
                missing.add(test);
            } else {
                verdicts.add(verdict(result));
            }
        }
        return new ReleaseAssessment(verdicts, missing);
    }

    private Verdict verdict(QcResult result) {
        QcTest test = result.test();
        return switch (test) {
            case VIABILITY -> new Verdict(test, value(result).compareTo(minViabilityPercent) >= 0,
                    "≥ " + minViabilityPercent.toPlainString() + " %");
            case CAR_POSITIVE_VIABLE_CELLS -> new Verdict(test, withinDose(value(result)),
                    dose.min() + " to " + dose.max() + " cells");
            case STERILITY, MYCOPLASMA -> new Verdict(test,
                    result.outcome().orElseThrow() == QualitativeOutcome.NEGATIVE, QualitativeOutcome.NEGATIVE.name());
            case ENDOTOXIN -> new Verdict(test, value(result).compareTo(maxEndotoxinEuPerMl) <= 0,
                    "≤ " + maxEndotoxinEuPerMl.toPlainString() + " EU/mL");
            case VECTOR_COPY_NUMBER -> new Verdict(test, value(result).compareTo(maxVectorCopiesPerCell) <= 0,
                    "≤ " + maxVectorCopiesPerCell.toPlainString() + " copies/cell");
        };
    }

    private boolean withinDose(BigDecimal cells) {
        return QcResult.isWholeNumber(cells)
                && cells.compareTo(BigDecimal.valueOf(dose.min())) >= 0
                && cells.compareTo(BigDecimal.valueOf(dose.max())) <= 0;
    }

    private static BigDecimal value(QcResult result) {
        return result.value().orElseThrow();
    }
}
