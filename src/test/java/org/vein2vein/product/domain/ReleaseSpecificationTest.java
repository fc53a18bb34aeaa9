package org.vein2vein.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReleaseSpecificationTest {

    /** Viability ≥ 80 %, 6e7 to 6e8 cells, endotoxin ≤ 5.0 EU/mL, at most 5 copies per cell. */
    private static final ReleaseSpecification SPECIFICATION = ProductDefinitionTest.RELEASE;

    /** One result for each test, all comfortably within {@link #SPECIFICATION}. */
    static List<QcResult> inSpecification() {
        return List.of(
                QcResult.measured(QcTest.VIABILITY, new BigDecimal("92.4"), "7-AAD flow cytometry"),
                QcResult.measured(QcTest.CAR_POSITIVE_VIABLE_CELLS, BigDecimal.valueOf(250_000_000L), "flow cytometry"),
                QcResult.observed(QcTest.STERILITY, QualitativeOutcome.NEGATIVE, "Ph. Eur. 2.6.27"),
                QcResult.observed(QcTest.MYCOPLASMA, QualitativeOutcome.NEGATIVE, "Ph. Eur. 2.6.7 NAT"),
                QcResult.measured(QcTest.ENDOTOXIN, new BigDecimal("0.5"), "LAL kinetic chromogenic"),
                QcResult.measured(QcTest.VECTOR_COPY_NUMBER, new BigDecimal("1.8"), "ddPCR"));
    }

    @Test
    void resultsWithinEveryCriterionAreInSpecification() {
        ReleaseAssessment assessment = SPECIFICATION.assess(inSpecification());

        assertThat(assessment.inSpecification()).isTrue();
        assertThat(assessment.missing()).isEmpty();
        assertThat(assessment.outOfSpecification()).isEmpty();
        assertThat(assessment.verdicts()).extracting(Verdict::test).containsExactly(QcTest.values());
    }

    @Test
    void eachVerdictStatesItsCriterionAsQaReadsIt() {
        assertThat(SPECIFICATION.assess(inSpecification()).verdicts()).extracting(Verdict::criterion).containsExactly(
                "≥ 80 %", "60000000 to 600000000 cells", "NEGATIVE", "NEGATIVE", "≤ 5.0 EU/mL", "≤ 5 copies/cell");
    }

    @Test
    void verdictsFollowTheOrderOfTheTestsNotOfTheResults() {
        List<QcResult> reversed = new ArrayList<>(inSpecification());
        Collections.reverse(reversed);

        assertThat(SPECIFICATION.assess(reversed).verdicts()).extracting(Verdict::test)
                .containsExactly(QcTest.values());
    }

    @Test
    void viabilityExactlyAtTheMinimumPassesAndJustBelowFails() {
        assertThat(assessWith(QcResult.measured(QcTest.VIABILITY, BigDecimal.valueOf(80), "m")).inSpecification())
                .isTrue();
        assertThat(assessWith(QcResult.measured(QcTest.VIABILITY, new BigDecimal("80.000"), "m")).inSpecification())
                .isTrue();
        assertOnlyOutOfSpecification(QcResult.measured(QcTest.VIABILITY, new BigDecimal("79.99"), "m"), QcTest.VIABILITY);
    }

    @Test
    void theDoseAtEitherEndOfTheRangePassesAndOneCellBeyondFails() {
        for (long cells : List.of(60_000_000L, 600_000_000L)) {
            assertThat(assessWith(cells(BigDecimal.valueOf(cells))).inSpecification()).as("%d cells", cells).isTrue();
        }
        assertThat(assessWith(cells(new BigDecimal("6.0E+8"))).inSpecification()).isTrue();
        for (long cells : List.of(59_999_999L, 600_000_001L, 0L)) {
            assertOnlyOutOfSpecification(cells(BigDecimal.valueOf(cells)), QcTest.CAR_POSITIVE_VIABLE_CELLS);
        }
    }

    @Test
    void aFractionalNumberOfCellsIsNotJudged() {
        assertThatThrownBy(() -> SPECIFICATION.assess(replaced(cells(new BigDecimal("60000000.5")))))
                .isInstanceOf(InvalidQcResultsException.class);
    }

    @ParameterizedTest
    @EnumSource(value = QcTest.class, names = { "STERILITY", "MYCOPLASMA" })
    void aPositiveSterilityOrMycoplasmaResultIsOutOfSpecification(QcTest test) {
        assertOnlyOutOfSpecification(QcResult.observed(test, QualitativeOutcome.POSITIVE, "m"), test);
    }

    @Test
    void aPositiveResultFailsWhateverTheSpecificationsFlagsSay() {
        ReleaseSpecification lax = new ReleaseSpecification(BigDecimal.valueOf(80), new DoseRange(60_000_000, 600_000_000),
                false, false, new BigDecimal("5.0"), BigDecimal.valueOf(5));

        assertThat(lax.assess(replaced(QcResult.observed(QcTest.STERILITY, QualitativeOutcome.POSITIVE, "m")))
                .outOfSpecification()).extracting(Verdict::test).containsExactly(QcTest.STERILITY);
    }

    @Test
    void endotoxinExactlyAtTheLimitPassesAndJustAboveFails() {
        assertThat(assessWith(QcResult.measured(QcTest.ENDOTOXIN, new BigDecimal("5.0"), "m")).inSpecification()).isTrue();
        assertThat(assessWith(QcResult.measured(QcTest.ENDOTOXIN, new BigDecimal("5"), "m")).inSpecification()).isTrue();
        assertOnlyOutOfSpecification(QcResult.measured(QcTest.ENDOTOXIN, new BigDecimal("5.01"), "m"), QcTest.ENDOTOXIN);
    }

    @Test
    void vectorCopyNumberExactlyAtTheLimitPassesAndJustAboveFails() {
        assertThat(assessWith(QcResult.measured(QcTest.VECTOR_COPY_NUMBER, new BigDecimal("5.00"), "m"))
                .inSpecification()).isTrue();
        assertOnlyOutOfSpecification(QcResult.measured(QcTest.VECTOR_COPY_NUMBER, new BigDecimal("5.01"), "m"),
                QcTest.VECTOR_COPY_NUMBER);
    }

    @Test
    void everyOutOfSpecificationResultIsListed() {
        List<QcResult> results = List.of(
                QcResult.measured(QcTest.VIABILITY, new BigDecimal("71"), "m"),
                cells(BigDecimal.valueOf(250_000_000L)),
                QcResult.observed(QcTest.STERILITY, QualitativeOutcome.NEGATIVE, "m"),
                QcResult.observed(QcTest.MYCOPLASMA, QualitativeOutcome.POSITIVE, "m"),
                QcResult.measured(QcTest.ENDOTOXIN, new BigDecimal("0.5"), "m"),
                QcResult.measured(QcTest.VECTOR_COPY_NUMBER, new BigDecimal("6.2"), "m"));

        ReleaseAssessment assessment = SPECIFICATION.assess(results);

        assertThat(assessment.inSpecification()).isFalse();
        assertThat(assessment.outOfSpecification()).extracting(Verdict::test)
                .containsExactly(QcTest.VIABILITY, QcTest.MYCOPLASMA, QcTest.VECTOR_COPY_NUMBER);
        assertThat(assessment.verdicts()).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(QcTest.class)
    void everyTestIsRequired(QcTest absent) {
        List<QcResult> results = inSpecification().stream().filter(r -> r.test() != absent).toList();

        ReleaseAssessment assessment = SPECIFICATION.assess(results);

        assertThat(assessment.inSpecification()).isFalse();
        assertThat(assessment.missing()).containsExactly(absent);
        assertThat(assessment.outOfSpecification()).isEmpty();
        assertThat(assessment.verdicts()).extracting(Verdict::test).doesNotContain(absent).hasSize(5);
    }

    @Test
    void noResultsAtAllMissEveryTestInTheirOrder() {
        ReleaseAssessment assessment = SPECIFICATION.assess(List.of());

        assertThat(assessment.inSpecification()).isFalse();
        assertThat(assessment.verdicts()).isEmpty();
        assertThat(assessment.missing()).containsExactly(QcTest.values());
    }

    @Test
    void resultsWithViolationsAreRefusedNotJudged() {
        List<QcResult> duplicated = new ArrayList<>(inSpecification());
        duplicated.add(QcResult.measured(QcTest.VIABILITY, BigDecimal.valueOf(50), "m"));

        assertThatThrownBy(() -> SPECIFICATION.assess(duplicated))
                .isInstanceOf(InvalidQcResultsException.class)
                .satisfies(e -> assertThat(((InvalidQcResultsException) e).violations())
                        .extracting(ResultViolation::field).containsExactly("results[6].test"));
        assertThatThrownBy(() -> SPECIFICATION.assess(replaced(QcResult.measured(QcTest.VIABILITY,
                BigDecimal.valueOf(-3), "m")))).isInstanceOf(InvalidQcResultsException.class);
    }

    @Test
    void anAssessmentCannotBeChangedAfterwards() {
        ReleaseAssessment assessment = new ReleaseAssessment(new ArrayList<>(), EnumSet.of(QcTest.ENDOTOXIN));

        assertThatThrownBy(() -> assessment.verdicts().add(new Verdict(QcTest.VIABILITY, true, "≥ 80 %")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> assessment.missing().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    private static QcResult cells(BigDecimal count) {
        return QcResult.measured(QcTest.CAR_POSITIVE_VIABLE_CELLS, count, "flow cytometry");
    }

    /** The in-specification results with the one for {@code result}'s test replaced by it. */
    private static List<QcResult> replaced(QcResult result) {
        return inSpecification().stream().map(r -> r.test() == result.test() ? result : r).toList();
    }

    private static ReleaseAssessment assessWith(QcResult result) {
        return SPECIFICATION.assess(replaced(result));
    }

    private static void assertOnlyOutOfSpecification(QcResult result, QcTest test) {
        ReleaseAssessment assessment = assessWith(result);
        assertThat(assessment.inSpecification()).as("%s", result).isFalse();
        assertThat(assessment.outOfSpecification()).as("%s", result).extracting(Verdict::test).containsExactly(test);
    }
}
