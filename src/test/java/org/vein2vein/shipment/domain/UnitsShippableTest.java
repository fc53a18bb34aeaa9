package org.vein2vein.shipment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.BatchUnit.Kind;
import org.vein2vein.batch.domain.UnitCustody;
import org.vein2vein.kernel.Stage;

class UnitsShippableTest {

    private static final String COLLECTION = "SITE-LYON-01";
    private static final String MANUFACTURING = "MFG-GENT-01";
    private static final String TREATMENT = "SITE-LYON-01";
    private static final String OTHER_TREATMENT = "SITE-PARIS-02";
    private static final String AUTO = "V2V7K3Q9P2XRTB";
    private static final String LOT = "V2VLOT0000001A";
    private static final String DIN = "A9999926123456";
    private static final String BAG = AUTO + "-01";
    private static final String BAG_2 = AUTO + "-02";
    private static final String DOSE = LOT + "-D01";
    private static final String SHIPMENT = "SHP-OTHER00001";

    @Test
    void refusesAUnitNoBatchHas() {
        ShipmentRefusal refusal = refusal(() -> UnitsShippable.require(List.of(BAG, "V2VNOSUCH0000-01", "V2VNOSUCH0000-02"),
                List.of(bag(BAG, at(MANUFACTURING), TREATMENT)), MANUFACTURING, TREATMENT, Leg.TO_TREATMENT_SITE));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.UNIT_NOT_SHIPPABLE);
        assertThat(refusal.details()).containsEntry("unknownUnitIds", List.of("V2VNOSUCH0000-01", "V2VNOSUCH0000-02"));
    }

    @Test
    void refusesAUnitNotAtTheOrigin() {
        ShipmentRefusal refusal = toTreatment(bag(BAG, at(OTHER_TREATMENT), TREATMENT));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.UNIT_NOT_SHIPPABLE);
        assertThat(refusal.details()).containsEntry("units",
                Map.of(BAG, "is at " + OTHER_TREATMENT + ", not at " + MANUFACTURING));
        assertThat(refusal.detail()).contains(BAG);
    }

    @Test
    void refusesAUnitOnAShipment() {
        UnitCustody onBoard = new UnitCustody(Optional.empty(), Optional.of(SHIPMENT), Optional.of("CRYO-COURIER-EU"),
                Optional.empty(), Optional.empty());
        ShipmentRefusal refusal = toTreatment(bag(BAG, onBoard, TREATMENT));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.UNIT_NOT_SHIPPABLE);
        assertThat(refusal.details()).containsEntry("units",
                Map.of(BAG, "is on shipment " + SHIPMENT + ", not at " + MANUFACTURING));
    }

    @Test
    void refusesAUnitThatEnded() {
        UnitCustody destroyed = new UnitCustody(Optional.of(MANUFACTURING), Optional.empty(), Optional.of("ORG-GENT"),
                Optional.of(Stage.DESTROYED), Optional.empty());
        ShipmentRefusal refusal = toTreatment(bag(BAG, destroyed, TREATMENT));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.UNIT_NOT_SHIPPABLE);
        assertThat(refusal.details()).containsEntry("units",
                Map.of(BAG, "is ended (DESTROYED), not at " + MANUFACTURING));
    }

    @Test
    void refusesCollectedMaterialToATreatmentSite() {
        ShipmentRefusal refusal = refusal(() -> UnitsShippable.require(List.of(DIN),
                List.of(material(DIN, at(COLLECTION))), COLLECTION, OTHER_TREATMENT, Leg.TO_TREATMENT_SITE));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.UNIT_NOT_SHIPPABLE);
        assertThat(refusal.details()).containsEntry("units",
                Map.of(DIN, "is collected material: it goes to manufacturing, not to a treatment site"));
    }

    @Test
    void refusesABagOrADoseToManufacturing() {
        ShipmentRefusal bagBack = refusal(() -> UnitsShippable.require(List.of(BAG),
                List.of(bag(BAG, at(COLLECTION), TREATMENT)), COLLECTION, MANUFACTURING, Leg.TO_MANUFACTURING));
        assertThat(bagBack.kind()).isEqualTo(ShipmentRefusal.Kind.UNIT_NOT_SHIPPABLE);
        assertThat(bagBack.details()).containsEntry("units",
                Map.of(BAG, "is a BAG: only collected material goes to manufacturing"));
        ShipmentRefusal doseBack = refusal(() -> UnitsShippable.require(List.of(DOSE),
                List.of(dose(DOSE, at(COLLECTION), Optional.of(TREATMENT))), COLLECTION, MANUFACTURING,
                Leg.TO_MANUFACTURING));
        assertThat(doseBack.details()).containsEntry("units",
                Map.of(DOSE, "is a DOSE: only collected material goes to manufacturing"));
    }

    @Test
    void refusesABagBoundForAnotherTreatmentSite() {
        ShipmentRefusal refusal = toTreatment(bag(BAG, at(MANUFACTURING), OTHER_TREATMENT));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.NOT_THE_BATCH_DESTINATION);
        assertThat(refusal.details()).containsEntry("units", Map.of(BAG, "is bound for " + OTHER_TREATMENT));
        assertThat(refusal.detail()).contains("not bound for " + TREATMENT);
    }

    @Test
    void refusesADoseNotAllocatedYet() {
        ShipmentRefusal refusal = toTreatment(dose(DOSE, at(MANUFACTURING), Optional.empty()));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.NOT_THE_BATCH_DESTINATION);
        assertThat(refusal.details()).containsEntry("units",
                Map.of(DOSE, "is not allocated to a recipient's site yet"));
    }

    @Test
    void refusesADoseAllocatedToARecipientElsewhere() {
        assertThat(toTreatment(dose(DOSE, at(MANUFACTURING), Optional.of(OTHER_TREATMENT))).details())
                .containsEntry("units", Map.of(DOSE, "is bound for " + OTHER_TREATMENT));
    }

    @Test
    void refusesABagBoundForNoTreatmentSite() {
        // An allogeneic lot's bag (the lot itself) goes nowhere: its doses do.
        ShipmentRefusal refusal = toTreatment(new CandidateUnit(LOT, LOT + "-01", Kind.BAG, at(MANUFACTURING),
                Optional.empty()));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.NOT_THE_BATCH_DESTINATION);
        assertThat(refusal.details()).containsEntry("units", Map.of(LOT + "-01", "is bound for no treatment site"));
    }

    @Test
    void namesOnlyTheUnitsAtFault() {
        ShipmentRefusal refusal = refusal(() -> UnitsShippable.require(List.of(BAG, BAG_2),
                List.of(bag(BAG, at(MANUFACTURING), TREATMENT), bag(BAG_2, at(OTHER_TREATMENT), TREATMENT)),
                MANUFACTURING, TREATMENT, Leg.TO_TREATMENT_SITE));
        assertThat(refusal.details()).containsEntry("units",
                Map.of(BAG_2, "is at " + OTHER_TREATMENT + ", not at " + MANUFACTURING));
    }

    @Test
    void acceptsCollectedMaterialToManufacturing() {
        assertThatCode(() -> UnitsShippable.require(List.of(DIN), List.of(material(DIN, at(COLLECTION))), COLLECTION,
                MANUFACTURING, Leg.TO_MANUFACTURING)).doesNotThrowAnyException();
    }

    @Test
    void acceptsBagsAndAllocatedDosesOfSeveralBatchesBoundForTheDestination() {
        assertThatCode(() -> UnitsShippable.require(List.of(BAG, BAG_2, DOSE),
                List.of(bag(BAG, at(MANUFACTURING), TREATMENT), bag(BAG_2, at(MANUFACTURING), TREATMENT),
                        dose(DOSE, at(MANUFACTURING), Optional.of(TREATMENT))),
                MANUFACTURING, TREATMENT, Leg.TO_TREATMENT_SITE)).doesNotThrowAnyException();
    }

    private static ShipmentRefusal toTreatment(CandidateUnit unit) {
        return refusal(() -> UnitsShippable.require(List.of(unit.unitId()), List.of(unit), MANUFACTURING, TREATMENT,
                Leg.TO_TREATMENT_SITE));
    }

    private static UnitCustody at(String site) {
        return UnitCustody.at(site, "ORG-" + site);
    }

    private static CandidateUnit material(String din, UnitCustody custody) {
        return new CandidateUnit(AUTO, din, Kind.MATERIAL, custody, Optional.empty());
    }

    private static CandidateUnit bag(String unitId, UnitCustody custody, String boundFor) {
        return new CandidateUnit(AUTO, unitId, Kind.BAG, custody, Optional.of(boundFor));
    }

    private static CandidateUnit dose(String unitId, UnitCustody custody, Optional<String> boundFor) {
        return new CandidateUnit(LOT, unitId, Kind.DOSE, custody, boundFor);
    }

    private static ShipmentRefusal refusal(ThrowingCallable call) {
        ShipmentRefusal[] refusal = new ShipmentRefusal[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ShipmentRefusedException.class, e -> refusal[0] = e.refusal());
        return refusal[0];
    }
}
