package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.QcResult;
import org.vein2vein.product.domain.QcTest;
import org.vein2vein.product.domain.QualitativeOutcome;

class ReleaseGateTest {

    private final ReleaseGate rule = new ReleaseGate();

    @Test
    void recordsTheAssessmentOfQcResults() {
        Ruling ruling = rule.check(Contexts.step(Stage.QC_TESTED, new StageData.QcResults(inSpecification()))
                .at(Stage.CRYOPRESERVED).build());
        @SuppressWarnings("unchecked")
        Map<String, Object> assessment = (Map<String, Object>) ((Ruling.Accepted) ruling).notes().get("assessment");
        assertThat(assessment).containsEntry("inSpecification", true).containsEntry("missingTests", List.of());
    }

    @Test
    void releasesALotWithEveryResultInSpecificationAndEveryLabelInRange() {
        assertThat(rule.check(release(inSpecification(), 300_000_000))).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesToReleaseWithAResultMissing() {
        List<QcResult> missingSterility = new ArrayList<>(inSpecification());
        missingSterility.removeIf(result -> result.test() == QcTest.STERILITY);
        Refusal refusal = Contexts.refusalOf(rule.check(release(missingSterility, 300_000_000)));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.RELEASE_SPECIFICATION_NOT_MET);
        assertThat(refusal.details()).containsEntry("missingTests", List.of(QcTest.STERILITY));
    }

    @Test
    void refusesToReleaseABatchWhoseBagIsLabelledOutsideTheDoseRange() {
        Refusal refusal = Contexts.refusalOf(rule.check(release(inSpecification(), Contexts.DOSE.max() * 10)));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.RELEASE_SPECIFICATION_NOT_MET);
        assertThat(refusal.details()).containsEntry("unitsLabelledOutOfRange", List.of("V2V7K3Q9P2XRTB-01"));
    }

    @Test
    void refusesOutOfSpecificationForALotThatIsWithin() {
        StepContext context = Contexts.step(Stage.OUT_OF_SPEC, new StageData.NoData()).at(Stage.QC_TESTED)
                .qcResults(inSpecification()).unit(Contexts.bag("V2V7K3Q9P2XRTB-01", 300_000_000)).build();
        assertThat(Contexts.refusalOf(rule.check(context)).kind()).isEqualTo(RefusalKind.WITHIN_SPECIFICATION);
    }

    @Test
    void aBatchWithoutReleaseSpecificationCannotBeReleased() {
        StepContext context = Contexts.step(Stage.RELEASED, new StageData.NoData()).at(Stage.QC_TESTED)
                .withoutProduct().build();
        assertThat(Contexts.refusalOf(rule.check(context)).detail()).contains("no release specification");
    }

    private static StepContext release(List<QcResult> results, long labelledCells) {
        return Contexts.step(Stage.RELEASED, new StageData.NoData()).at(Stage.QC_TESTED).qcResults(results)
                .unit(Contexts.bag("V2V7K3Q9P2XRTB-01", labelledCells)).build();
    }

    private static List<QcResult> inSpecification() {
        return List.of(QcResult.measured(QcTest.VIABILITY, BigDecimal.valueOf(92), "FLOW"),
                QcResult.measured(QcTest.CAR_POSITIVE_VIABLE_CELLS, BigDecimal.valueOf(300_000_000), "FLOW"),
                QcResult.observed(QcTest.STERILITY, QualitativeOutcome.NEGATIVE, "BACT"),
                QcResult.observed(QcTest.MYCOPLASMA, QualitativeOutcome.NEGATIVE, "PCR"),
                QcResult.measured(QcTest.ENDOTOXIN, BigDecimal.valueOf(1.2), "LAL"),
                QcResult.measured(QcTest.VECTOR_COPY_NUMBER, BigDecimal.valueOf(1.8), "DDPCR"));
    }
}
