package org.vein2vein.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QcResultTest {

    @Test
    void eachTestKnowsItsUnitAndWhetherItIsMeasured() {
        assertThat(QcTest.VIABILITY.unit()).contains("%");
        assertThat(QcTest.CAR_POSITIVE_VIABLE_CELLS.unit()).contains("cells");
        assertThat(QcTest.ENDOTOXIN.unit()).contains("EU/mL");
        assertThat(QcTest.VECTOR_COPY_NUMBER.unit()).contains("copies/cell");
        assertThat(QcTest.STERILITY.unit()).isEmpty();
        assertThat(QcTest.MYCOPLASMA.unit()).isEmpty();
        assertThat(QcTest.values()).filteredOn(QcTest::isQuantitative)
                .containsExactly(QcTest.VIABILITY, QcTest.CAR_POSITIVE_VIABLE_CELLS, QcTest.ENDOTOXIN,
                        QcTest.VECTOR_COPY_NUMBER);
    }

    @Test
    void aCompleteSetOfWellFormedResultsHasNoViolations() {
        assertThat(QcResult.violations(ReleaseSpecificationTest.inSpecification())).isEmpty();
        assertThat(QcResult.validated(ReleaseSpecificationTest.inSpecification()))
                .isEqualTo(ReleaseSpecificationTest.inSpecification());
    }

    @Test
    void theFactoriesStateTheTestsOwnUnitOrNone() {
        QcResult measured = QcResult.measured(QcTest.ENDOTOXIN, new BigDecimal("0.5"), "LAL kinetic chromogenic");
        QcResult observed = QcResult.observed(QcTest.STERILITY, QualitativeOutcome.NEGATIVE, "Ph. Eur. 2.6.27");

        assertThat(measured.unit()).contains("EU/mL");
        assertThat(measured.outcome()).isEmpty();
        assertThat(observed.unit()).isEmpty();
        assertThat(observed.value()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = QcTest.class, names = { "VIABILITY", "CAR_POSITIVE_VIABLE_CELLS", "ENDOTOXIN",
            "VECTOR_COPY_NUMBER" })
    void aMeasuredTestNeedsAValue(QcTest test) {
        QcResult noValue = new QcResult(test, Optional.empty(), Optional.empty(), test.unit(), "method");

        assertThat(noValue.violations()).extracting(ResultViolation::field).containsExactly("value");
    }

    @ParameterizedTest
    @EnumSource(value = QcTest.class, names = { "VIABILITY", "CAR_POSITIVE_VIABLE_CELLS", "ENDOTOXIN",
            "VECTOR_COPY_NUMBER" })
    void aMeasuredTestIsReportedInItsExactUnit(QcTest test) {
        for (Optional<String> wrong : List.of(Optional.<String>empty(), Optional.of("mg"),
                Optional.of(test.unit().orElseThrow().toUpperCase() + " "), Optional.of(" " + test.unit().orElseThrow()))) {
            QcResult result = new QcResult(test, Optional.of(BigDecimal.ONE), Optional.empty(), wrong, "method");
            assertThat(result.violations()).as("%s in '%s'", test, wrong)
                    .containsExactly(new ResultViolation("unit", test + " is reported in " + test.unit().orElseThrow()));
        }
    }

    @Test
    void endotoxinInLowerCaseMillilitresIsAnotherUnit() {
        QcResult result = new QcResult(QcTest.ENDOTOXIN, Optional.of(BigDecimal.ONE), Optional.empty(),
                Optional.of("EU/ml"), "LAL");

        assertThat(result.violations()).extracting(ResultViolation::field).containsExactly("unit");
    }

    @ParameterizedTest
    @EnumSource(value = QcTest.class, names = { "VIABILITY", "CAR_POSITIVE_VIABLE_CELLS", "ENDOTOXIN",
            "VECTOR_COPY_NUMBER" })
    void aMeasuredTestHasNoOutcome(QcTest test) {
        QcResult result = new QcResult(test, Optional.of(BigDecimal.ONE), Optional.of(QualitativeOutcome.NEGATIVE),
                test.unit(), "method");

        assertThat(result.violations()).extracting(ResultViolation::field).containsExactly("outcome");
    }

    @ParameterizedTest
    @EnumSource(value = QcTest.class, names = { "STERILITY", "MYCOPLASMA" })
    void aQualitativeTestNeedsAnOutcome(QcTest test) {
        QcResult result = new QcResult(test, Optional.empty(), Optional.empty(), Optional.empty(), "method");

        assertThat(result.violations()).extracting(ResultViolation::field).containsExactly("outcome");
    }

    @ParameterizedTest
    @EnumSource(value = QcTest.class, names = { "STERILITY", "MYCOPLASMA" })
    void aQualitativeTestReportedAsANumberIsRefused(QcTest test) {
        QcResult numberInstead = new QcResult(test, Optional.of(BigDecimal.ZERO), Optional.empty(),
                Optional.of("CFU"), "method");
        QcResult both = new QcResult(test, Optional.of(BigDecimal.ZERO), Optional.of(QualitativeOutcome.NEGATIVE),
                Optional.empty(), "method");

        assertThat(numberInstead.violations()).extracting(ResultViolation::field)
                .containsExactlyInAnyOrder("outcome", "value", "unit");
        assertThat(both.violations()).extracting(ResultViolation::field).containsExactly("value");
    }

    @ParameterizedTest
    @EnumSource(value = QcTest.class, names = { "VIABILITY", "CAR_POSITIVE_VIABLE_CELLS", "ENDOTOXIN",
            "VECTOR_COPY_NUMBER" })
    void negativeValuesAreRefused(QcTest test) {
        QcResult result = QcResult.measured(test, BigDecimal.valueOf(-1), "method");

        assertThat(result.violations()).containsExactly(new ResultViolation("value", "must not be negative"));
        assertThat(QcResult.measured(test, BigDecimal.ZERO, "method").violations()).isEmpty();
    }

    @Test
    void viabilityIsAtMostAHundredPercent() {
        assertThat(QcResult.measured(QcTest.VIABILITY, new BigDecimal("100.00"), "method").violations()).isEmpty();
        assertThat(QcResult.measured(QcTest.VIABILITY, new BigDecimal("100.01"), "method").violations())
                .containsExactly(new ResultViolation("value", "VIABILITY is at most 100 %"));
    }

    @ParameterizedTest
    @EnumSource(value = QcTest.class, names = { "VIABILITY", "CAR_POSITIVE_VIABLE_CELLS", "ENDOTOXIN",
            "VECTOR_COPY_NUMBER" })
    void aResultIsAtMostItsTestsPlausibleMaximum(QcTest test) {
        BigDecimal maximum = test.maximum().orElseThrow();

        assertThat(QcResult.measured(test, maximum, "method").violations()).isEmpty();
        assertThat(QcResult.measured(test, maximum.add(BigDecimal.ONE), "method").violations())
                .containsExactly(new ResultViolation("value", test + " is at most " + maximum.toPlainString() + " "
                        + test.unit().orElseThrow()));
        assertThat(QcResult.measured(test, new BigDecimal("1E+400"), "method").violations())
                .extracting(ResultViolation::field).containsExactly("value");
    }

    @Test
    void endotoxinAndVectorCopiesAreBoundedFarAboveAnyReleaseLimit() {
        assertThat(QcTest.ENDOTOXIN.maximum()).contains(new BigDecimal("10000"));
        assertThat(QcTest.VECTOR_COPY_NUMBER.maximum()).contains(new BigDecimal("100"));
        assertThat(QcTest.STERILITY.maximum()).isEmpty();
    }

    @Test
    void aNumberOfCellsIsWhole() {
        assertThat(QcResult.measured(QcTest.CAR_POSITIVE_VIABLE_CELLS, new BigDecimal("60000000.5"), "flow cytometry")
                .violations()).extracting(ResultViolation::field).containsExactly("value");
        assertThat(QcResult.measured(QcTest.CAR_POSITIVE_VIABLE_CELLS, new BigDecimal("6.0E+7"), "flow cytometry")
                .violations()).isEmpty();
        assertThat(QcResult.measured(QcTest.CAR_POSITIVE_VIABLE_CELLS, new BigDecimal("60000000.000"), "flow cytometry")
                .violations()).isEmpty();
    }

    @Test
    void theMethodIsNamedOnOneLine() {
        for (String method : List.of("", "   ", "qPCR\nWPRE", "x".repeat(QcResult.METHOD_MAX_LENGTH + 1))) {
            assertThat(QcResult.observed(QcTest.MYCOPLASMA, QualitativeOutcome.NEGATIVE, method).violations())
                    .as("'%s'", method).extracting(ResultViolation::field).containsExactly("method");
        }
        assertThat(QcResult.observed(QcTest.MYCOPLASMA, QualitativeOutcome.NEGATIVE,
                "x".repeat(QcResult.METHOD_MAX_LENGTH)).violations()).isEmpty();
    }

    @Test
    void aTestReportedTwiceIsAViolationOfTheList() {
        List<QcResult> results = List.of(
                QcResult.measured(QcTest.VIABILITY, BigDecimal.valueOf(91), "trypan blue"),
                QcResult.observed(QcTest.STERILITY, QualitativeOutcome.NEGATIVE, "Ph. Eur. 2.6.27"),
                QcResult.measured(QcTest.VIABILITY, BigDecimal.valueOf(75), "7-AAD flow cytometry"));

        assertThat(QcResult.violations(results)).containsExactly(new ResultViolation("results[2].test",
                "VIABILITY already has a result at results[0]: report each test once"));
    }

    @Test
    void violationsOfTheListNameEachResultByItsPosition() {
        List<QcResult> results = List.of(
                QcResult.observed(QcTest.STERILITY, QualitativeOutcome.NEGATIVE, "Ph. Eur. 2.6.27"),
                new QcResult(QcTest.ENDOTOXIN, Optional.of(BigDecimal.ONE), Optional.empty(), Optional.of("EU"), "LAL"),
                QcResult.measured(QcTest.VIABILITY, new BigDecimal("101"), "trypan blue"));

        assertThat(QcResult.violations(results)).extracting(ResultViolation::field)
                .containsExactly("results[1].unit", "results[2].value");
        assertThatThrownBy(() -> QcResult.validated(results))
                .isInstanceOf(InvalidQcResultsException.class)
                .satisfies(e -> assertThat(((InvalidQcResultsException) e).violations()).hasSize(2));
    }

    @Test
    void missingPartsAreAbsentNotNull() {
        assertThatThrownBy(() -> new QcResult(QcTest.VIABILITY, null, Optional.empty(), Optional.of("%"), "m"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new QcResult(QcTest.VIABILITY, Optional.of(BigDecimal.TEN), Optional.empty(),
                Optional.of("%"), null)).isInstanceOf(NullPointerException.class);
    }
}
