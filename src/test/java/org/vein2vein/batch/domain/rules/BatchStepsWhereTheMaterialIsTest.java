package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vein2vein.batch.domain.rules.Custodies.MANUFACTURING;
import static org.vein2vein.batch.domain.rules.Custodies.OTHER_SITE;
import static org.vein2vein.batch.domain.rules.Custodies.SHIPMENT;
import static org.vein2vein.batch.domain.rules.Custodies.at;
import static org.vein2vein.batch.domain.rules.Custodies.bag;
import static org.vein2vein.batch.domain.rules.Custodies.dose;
import static org.vein2vein.batch.domain.rules.Custodies.ended;
import static org.vein2vein.batch.domain.rules.Custodies.material;
import static org.vein2vein.batch.domain.rules.Custodies.onShipment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class BatchStepsWhereTheMaterialIsTest {

    private static final String DIN = "A9999926123456";
    private static final String DIN_2 = "A9999926123457";
    private static final String BAG = "V2V7K3Q9P2XRTB-01";
    private static final String DOSE = "V2V7K3Q9P2XRTB-D01";
    private static final String DOSE_2 = "V2V7K3Q9P2XRTB-D02";

    private final BatchStepsWhereTheMaterialIs rule = new BatchStepsWhereTheMaterialIs();

    @Test
    void refusesAGeneModificationAtTheCollectionSiteWhileTheMaterialIsAtManufacturing() {
        Refusal refusal = Contexts.refusalOf(rule.check(geneModification(material(DIN, at(MANUFACTURING)))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.MATERIAL_NOT_AT_SITE);
        assertThat(refusal.details()).containsEntry("site", Contexts.SITE)
                .containsEntry("unitIds", List.of(DIN))
                .containsEntry("whereabouts", Map.of(DIN, "at " + MANUFACTURING));
        assertThat(refusal.detail()).contains(Contexts.COI.value()).contains("GENE_MODIFIED")
                .contains(DIN + " is at " + MANUFACTURING);
        assertThat(refusal.kind().recorded()).isFalse();
    }

    @Test
    void acceptsAGeneModificationWhereTheMaterialIs() {
        assertThat(rule.check(geneModification(material(DIN, at(Contexts.SITE))))).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesAStepWhileSomeOfTheMaterialIsStillElsewhere() {
        Refusal refusal = Contexts.refusalOf(rule.check(Contexts.step(Stage.ACCEPTED,
                new StageData.Acceptance(StageData.Condition.INTACT)).at(Stage.RECEIVED_AT_MANUFACTURING)
                .unit(material(DIN, at(Contexts.SITE))).unit(material(DIN_2, onShipment(SHIPMENT))).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.MATERIAL_NOT_AT_SITE);
        assertThat(refusal.details()).containsEntry("unitIds", List.of(DIN_2))
                .containsEntry("whereabouts", Map.of(DIN_2, "on shipment " + SHIPMENT));
    }

    @Test
    void acceptsABatchWithNoUnitsYet() {
        assertThat(rule.check(Contexts.step(Stage.CRYOPRESERVED_AT_COLLECTION,
                new StageData.CollectionCryopreservation("FR-1", new StageData.StorageLocation("LN2-1", "R1", "B1",
                        "P1"))).at(Stage.COLLECTED).build())).isInstanceOf(Ruling.Accepted.class);
        assertThat(rule.check(Contexts.step(Stage.ACCEPTED, new StageData.Acceptance(StageData.Condition.INTACT))
                .at(Stage.RECEIVED_AT_MANUFACTURING).build())).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void ignoresEndedUnitsWhereverTheyEnded() {
        StepContext qc = Contexts.step(Stage.QC_TESTED, new StageData.QcResults(List.of())).at(Stage.CRYOPRESERVED)
                .unit(material(DIN, ended(MANUFACTURING, Stage.FORMULATED)))
                .unit(bag(BAG, at(Contexts.SITE))).unit(bag("V2V7K3Q9P2XRTB-02", ended(OTHER_SITE, Stage.DESTROYED)))
                .build();
        assertThat(rule.check(qc)).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void doesNotJudgeACollection() {
        StepContext secondCollection = Contexts.step(Stage.COLLECTED, new StageData.Collection(DIN_2,
                Contexts.NOW.minusSeconds(7200), Contexts.NOW.minusSeconds(3600), BigDecimal.valueOf(250), 1_000_000_000L,
                500_000_000L, StageData.Anticoagulant.ACD_A)).at(Stage.COLLECTED)
                .unit(material(DIN, at(MANUFACTURING))).build();
        assertThat(rule.check(secondCollection)).isInstanceOf(Ruling.Accepted.class);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "QUARANTINED", "CANCELLED" })
    void leavesSideExitsOfTheWholeBatchToLotExitByItsHolder(Stage exit) {
        StepContext context = Contexts.step(exit, new StageData.SideExit(StageData.ExitReason.PROCESS_DEVIATION,
                Optional.of("QR-1"), Optional.empty())).at(Stage.EXPANDED).unit(material(DIN, at(MANUFACTURING)))
                .build();
        assertThat(rule.check(context)).isInstanceOf(Ruling.Accepted.class);
    }

    /**
     * DESTROYED, REJECTED and MANUFACTURING_FAILED are not side exits ({@link Stage#isSideExit()}): they
     * name no unit and are judged here, like any step on the whole batch.
     */
    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "REJECTED", "MANUFACTURING_FAILED", "DESTROYED" })
    void judgesTheEndsOfTheWholeBatchThatAreNotSideExits(Stage end) {
        StepContext context = Contexts.step(end, new StageData.SideExit(StageData.ExitReason.OUT_OF_SPECIFICATION,
                Optional.of("QR-1"), Optional.empty())).at(Stage.RECEIVED_AT_MANUFACTURING)
                .unit(material(DIN, at(MANUFACTURING))).build();
        assertThat(Contexts.refusalOf(rule.check(context)).kind()).isEqualTo(RefusalKind.MATERIAL_NOT_AT_SITE);
    }

    @Test
    void doesNotJudgeADosesStep() {
        StepContext allocation = Contexts.step(Stage.ALLOCATED, new StageData.Allocation(DOSE, "RCP-0007", OTHER_SITE))
                .allogeneic().at(Stage.STORED).dose(DOSE, Stage.STORED, Optional.empty())
                .unit(dose(DOSE, at(MANUFACTURING))).unit(dose(DOSE_2, at(OTHER_SITE))).build();
        assertThat(rule.check(allocation)).isInstanceOf(Ruling.Accepted.class);
        StepContext doseExit = Contexts.step(Stage.CANCELLED, new StageData.SideExit(StageData.ExitReason.EXPIRED,
                Optional.empty(), Optional.of(DOSE))).allogeneic().at(Stage.STORED)
                .dose(DOSE, Stage.STORED, Optional.empty())
                .unit(dose(DOSE, at(MANUFACTURING))).unit(dose(DOSE_2, onShipment(SHIPMENT))).build();
        assertThat(rule.check(doseExit)).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void leavesStepsThatNameTheirUnitsToHandledUnitsAtTheStepSite() {
        StepContext freezing = Contexts.step(Stage.CRYOPRESERVED, new StageData.Cryopreservation("CRF-1",
                List.of(BAG))).at(Stage.FORMULATED).unit(bag(BAG, at(Contexts.SITE)))
                .unit(bag("V2V7K3Q9P2XRTB-02", at(OTHER_SITE))).build();
        assertThat(rule.check(freezing)).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void namesEveryUnitElsewhereButDescribesTenOfThem() {
        Contexts release = Contexts.step(Stage.RELEASED, new StageData.NoData()).at(Stage.QC_TESTED);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String id = String.format("V2V7K3Q9P2XRTB-%02d", i);
            ids.add(id);
            release.unit(bag(id, at(OTHER_SITE)));
        }
        Refusal refusal = Contexts.refusalOf(rule.check(release.build()));
        assertThat(refusal.details()).containsEntry("unitIds", ids);
        assertThat(refusal.detail()).contains("V2V7K3Q9P2XRTB-10 is at " + OTHER_SITE).contains(" and 2 more")
                .doesNotContain("V2V7K3Q9P2XRTB-11");
    }

    private static StepContext geneModification(BatchUnit unit) {
        return Contexts.step(Stage.GENE_MODIFIED, new StageData.GeneModification("CD19-CAR-41BB", Optional.of(
                new StageData.Transduction(StageData.TransductionMethod.LENTIVIRAL, "LV-001")), Optional.empty()))
                .at(Stage.ACCEPTED).unit(unit).build();
    }
}
