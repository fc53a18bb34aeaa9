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
import static org.vein2vein.batch.domain.rules.Custodies.nowhereKnown;
import static org.vein2vein.batch.domain.rules.Custodies.onShipment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.TemperatureClass;

class HandledUnitsAtTheStepSiteTest {

    private static final String BAG = "V2V7K3Q9P2XRTB-01";
    private static final String BAG_2 = "V2V7K3Q9P2XRTB-02";
    private static final String DIN = "A9999926123456";
    private static final String DOSE = "V2V7K3Q9P2XRTB-D01";

    private final HandledUnitsAtTheStepSite rule = new HandledUnitsAtTheStepSite();

    // Thaw, infusion, storage, cryopreservation: only where the unit is, live.

    @Test
    void refusesAThawOfAUnitAtAnotherSiteNamingWhereItIs() {
        Refusal refusal = Contexts.refusalOf(rule.check(thaw(bag(BAG, at(OTHER_SITE)))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_AT_SITE);
        assertThat(refusal.details()).containsEntry("site", Contexts.SITE)
                .containsEntry("unitIds", List.of(BAG))
                .containsEntry("whereabouts", Map.of(BAG, "at " + OTHER_SITE));
        assertThat(refusal.detail()).contains(BAG + " is at " + OTHER_SITE);
        assertThat(refusal.kind().recorded()).isFalse();
    }

    @Test
    void refusesAnInfusionOfAUnitOnAShipment() {
        Refusal refusal = Contexts.refusalOf(rule.check(infusion(bag(BAG, onShipment(SHIPMENT)))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_AT_SITE);
        assertThat(refusal.details()).containsEntry("unitIds", List.of(BAG))
                .containsEntry("whereabouts", Map.of(BAG, "on shipment " + SHIPMENT));
    }

    @Test
    void refusesAStorageOfAnEndedUnitEvenAtTheStepsSite() {
        Refusal refusal = Contexts.refusalOf(rule.check(storage(List.of(BAG),
                bag(BAG, ended(Contexts.SITE, Stage.DESTROYED)))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_AT_SITE);
        assertThat(refusal.details()).containsEntry("unitIds", List.of(BAG))
                .containsEntry("whereabouts", Map.of(BAG, "ended (DESTROYED)"));
    }

    @Test
    void refusesAnInfusionOfAUnitAlreadyInfused() {
        Refusal refusal = Contexts.refusalOf(rule.check(infusion(bag(BAG, ended(Contexts.SITE, Stage.INFUSED)))));
        assertThat(refusal.details()).containsEntry("whereabouts", Map.of(BAG, "ended (INFUSED)"));
    }

    @Test
    void refusesACryopreservationNamingOnlyTheUnitsThatAreElsewhere() {
        Refusal refusal = Contexts.refusalOf(rule.check(Contexts.step(Stage.CRYOPRESERVED,
                new StageData.Cryopreservation("CRF-1", List.of(BAG, BAG_2))).at(Stage.FORMULATED)
                .unit(bag(BAG, at(Contexts.SITE))).unit(bag(BAG_2, at(MANUFACTURING))).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_AT_SITE);
        assertThat(refusal.details()).containsEntry("unitIds", List.of(BAG_2))
                .containsEntry("whereabouts", Map.of(BAG_2, "at " + MANUFACTURING));
    }

    @Test
    void refusesAUnitWhosePlaceTheRecordNeverLearnt() {
        Refusal refusal = Contexts.refusalOf(rule.check(thaw(bag(BAG, nowhereKnown()))));
        assertThat(refusal.details()).containsEntry("whereabouts", Map.of(BAG, "at no site the record knows"));
    }

    @Test
    void acceptsEachHandlingStepAtTheSiteWhereTheUnitIs() {
        BatchUnit here = bag(BAG, at(Contexts.SITE));
        assertThat(rule.check(thaw(here))).isInstanceOf(Ruling.Accepted.class);
        assertThat(rule.check(infusion(here))).isInstanceOf(Ruling.Accepted.class);
        assertThat(rule.check(storage(List.of(BAG), here))).isInstanceOf(Ruling.Accepted.class);
        assertThat(rule.check(Contexts.step(Stage.CRYOPRESERVED, new StageData.Cryopreservation("CRF-1",
                List.of(BAG, BAG_2))).at(Stage.FORMULATED).unit(here).unit(bag(BAG_2, at(Contexts.SITE))).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void acceptsAHandlingStepWhileOtherUnitsOfTheBatchAreElsewhere() {
        assertThat(rule.check(Contexts.step(Stage.THAWED, thawData(BAG)).at(Stage.RECEIVED_AT_SITE)
                .unit(bag(BAG, at(Contexts.SITE))).unit(bag(BAG_2, at(OTHER_SITE))).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void leavesAUnitTheBatchDoesNotHaveToUnitMembership() {
        assertThat(rule.check(Contexts.step(Stage.THAWED, thawData("V2VOTHER00000-01")).at(Stage.RECEIVED_AT_SITE)
                .unit(bag(BAG, at(OTHER_SITE))).build())).isInstanceOf(Ruling.Accepted.class);
    }

    // Allocation: a decision, it handles nothing.

    @Test
    void neverRefusesAnAllocationWhereverTheDoseIs() {
        for (BatchUnit where : List.of(dose(DOSE, at(OTHER_SITE)), dose(DOSE, onShipment(SHIPMENT)),
                dose(DOSE, ended(OTHER_SITE, Stage.DESTROYED)), dose(DOSE, nowhereKnown()))) {
            StepContext allocation = Contexts.step(Stage.ALLOCATED,
                    new StageData.Allocation(DOSE, "RCP-0007", OTHER_SITE)).allogeneic().at(Stage.STORED)
                    .dose(DOSE, Stage.STORED, Optional.empty()).unit(where).build();
            assertThat(rule.check(allocation)).as(where.custody().whereabouts()).isInstanceOf(Ruling.Accepted.class);
        }
    }

    // Receipts: a shipment's receipt brings its units to the site; through the step endpoint it is checked.

    @Test
    void acceptsAReceiptAtATreatmentSiteThroughItsShipmentThoughTheUnitsAreOnBoard() {
        assertThat(rule.check(receipt(Stage.RECEIVED_AT_SITE, Stage.SHIPPED_TO_SITE, StepChannel.SHIPMENT,
                bag(BAG, onShipment(SHIPMENT))))).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void acceptsAReceiptAtManufacturingThroughItsShipmentThoughTheMaterialIsOnBoard() {
        assertThat(rule.check(receipt(Stage.RECEIVED_AT_MANUFACTURING, Stage.SHIPPED_TO_MANUFACTURING,
                StepChannel.SHIPMENT, material(DIN, onShipment(SHIPMENT))))).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void checksAReceiptThroughTheStepEndpoint() {
        Refusal refusal = Contexts.refusalOf(rule.check(receipt(Stage.RECEIVED_AT_SITE, Stage.SHIPPED_TO_SITE,
                StepChannel.TECHNICIAN, bag(BAG, onShipment(SHIPMENT)))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_AT_SITE);
        assertThat(refusal.details()).containsEntry("whereabouts", Map.of(BAG, "on shipment " + SHIPMENT));

        Refusal atManufacturing = Contexts.refusalOf(rule.check(receipt(Stage.RECEIVED_AT_MANUFACTURING,
                Stage.SHIPPED_TO_MANUFACTURING, StepChannel.TECHNICIAN, material(DIN, onShipment(SHIPMENT)))));
        assertThat(atManufacturing.kind()).isEqualTo(RefusalKind.UNIT_NOT_AT_SITE);
    }

    @Test
    void acceptsABatchResumingItsReceiptFromAHoldThroughTheStepEndpointWhereItsUnitsAre() {
        StepContext resuming = Contexts.step(Stage.RECEIVED_AT_SITE, receiptData(List.of(BAG)))
                .heldFrom(Stage.RECEIVED_AT_SITE).unit(bag(BAG, at(Contexts.SITE))).build();
        assertThat(rule.check(resuming)).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesABatchResumingItsReceiptAtASiteItsUnitsAreNotAt() {
        StepContext resuming = Contexts.step(Stage.RECEIVED_AT_SITE, receiptData(List.of(BAG)))
                .heldFrom(Stage.RECEIVED_AT_SITE).unit(bag(BAG, at(OTHER_SITE))).build();
        assertThat(Contexts.refusalOf(rule.check(resuming)).details())
                .containsEntry("whereabouts", Map.of(BAG, "at " + OTHER_SITE));
    }

    /**
     * A receipt refused on an identity mismatch puts the batch on hold from the shipping stage, its units
     * still on board; it resumes by logging that stage again (docs/shipments.md), which handles units
     * that are, at that stage, on the shipment. Refusing it leaves the batch — and the receipt of the
     * shipment — stuck: StageOrder refuses the receipt of a batch on hold from SHIPPED_TO_SITE.
     */
    @Test
    void refusesABatchResumingItsShippingStageWhileItsUnitsAreOnBoard() {
        StepContext resuming = Contexts.step(Stage.SHIPPED_TO_SITE, new StageData.Shipment(Contexts.SITE,
                Custodies.COURIER, "DS-1", TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C, List.of(BAG),
                Optional.of(Contexts.NOW), Optional.of(SHIPMENT))).heldFrom(Stage.SHIPPED_TO_SITE)
                .unit(bag(BAG, onShipment(SHIPMENT))).build();
        // Units on board are handled by the shipment's receipt, which takes a held batch in still held.
        assertThat(Contexts.refusalOf(rule.check(resuming)).kind()).isEqualTo(RefusalKind.UNIT_NOT_AT_SITE);
    }

    // Packing through a shipment is checked: the units leave from where they are.

    @Test
    void checksThePackingOfAShipmentAtItsOrigin() {
        assertThat(rule.check(packing(bag(BAG, at(Contexts.SITE))))).isInstanceOf(Ruling.Accepted.class);
        Refusal refusal = Contexts.refusalOf(rule.check(packing(bag(BAG, at(OTHER_SITE)))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_AT_SITE);
    }

    // A dose's own step: where the dose is.

    @Test
    void refusesADosesOwnExitAtASiteTheDoseIsNotAt() {
        Refusal refusal = Contexts.refusalOf(rule.check(doseHold(dose(DOSE, at(OTHER_SITE)))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_AT_SITE);
        assertThat(refusal.details()).containsEntry("unitIds", List.of(DOSE));
    }

    @Test
    void acceptsADosesOwnExitWhereTheDoseIs() {
        assertThat(rule.check(doseHold(dose(DOSE, at(Contexts.SITE))))).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void namesEachUnitOnceThoughTheDataAndTheDoseNameItTwice() {
        Refusal refusal = Contexts.refusalOf(rule.check(Contexts.step(Stage.THAWED, thawData(DOSE)).allogeneic()
                .at(Stage.STORED).dose(DOSE, Stage.RECEIVED_AT_SITE, Optional.of("RCP-0007"))
                .unit(dose(DOSE, at(OTHER_SITE))).build()));
        assertThat(refusal.details()).containsEntry("unitIds", List.of(DOSE));
    }

    private static StepContext thaw(BatchUnit unit) {
        return Contexts.step(Stage.THAWED, thawData(unit.unitId())).at(Stage.RECEIVED_AT_SITE).unit(unit).build();
    }

    private static StageData.Thaw thawData(String unitId) {
        return new StageData.Thaw(unitId, Contexts.scan(Contexts.COI.value(), unitId, "op-2"),
                Optional.of(BigDecimal.valueOf(37)));
    }

    private static StepContext infusion(BatchUnit unit) {
        return Contexts.step(Stage.INFUSED, new StageData.Infusion(unit.unitId(),
                Contexts.scan(Contexts.COI.value(), unit.unitId(), "op-2"))).at(Stage.THAWED).unit(unit).build();
    }

    private static StepContext storage(List<String> unitIds, BatchUnit unit) {
        return Contexts.step(Stage.STORED, new StageData.Storage(new StageData.StorageLocation("LN2-1", "R1", "B1",
                "P1"), unitIds)).at(Stage.RELEASED).unit(unit).build();
    }

    private static StepContext receipt(Stage stage, Stage from, StepChannel channel, BatchUnit unit) {
        return Contexts.step(stage, receiptData(List.of(unit.unitId()))).at(from).channel(channel).unit(unit).build();
    }

    private static StageData.Receipt receiptData(List<String> unitIds) {
        return new StageData.Receipt(Contexts.scan(Contexts.COI.value(), unitIds.get(0), "op-2"),
                StageData.Condition.INTACT, Optional.of(new BigDecimal("-160")), unitIds, Optional.of(SHIPMENT));
    }

    private static StepContext packing(BatchUnit unit) {
        return Contexts.step(Stage.SHIPPED_TO_SITE, new StageData.Shipment(OTHER_SITE, Custodies.COURIER, "DS-1",
                TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C, List.of(unit.unitId()), Optional.of(Contexts.NOW),
                Optional.of(SHIPMENT))).at(Stage.STORED).channel(StepChannel.SHIPMENT).unit(unit).build();
    }

    private static StepContext doseHold(BatchUnit unit) {
        return Contexts.step(Stage.QUARANTINED, new StageData.SideExit(StageData.ExitReason.IDENTITY_DOUBT,
                Optional.of("QR-1"), Optional.of(unit.unitId()))).allogeneic().at(Stage.STORED)
                .dose(unit.unitId(), Stage.ALLOCATED, Optional.of("RCP-0007")).unit(unit).build();
    }
}
