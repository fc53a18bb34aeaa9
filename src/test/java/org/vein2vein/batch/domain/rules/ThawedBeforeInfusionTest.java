package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vein2vein.batch.domain.rules.Custodies.at;
import static org.vein2vein.batch.domain.rules.Custodies.bag;
import static org.vein2vein.batch.domain.rules.Custodies.dose;
import static org.vein2vein.batch.domain.rules.Custodies.thawed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class ThawedBeforeInfusionTest {

    private static final String BAG = "V2V7K3Q9P2XRTB-01";
    private static final String BAG_2 = "V2V7K3Q9P2XRTB-02";
    private static final String DOSE = "V2V7K3Q9P2XRTB-D01";
    private static final Instant THAWED_AT = Contexts.NOW.minusSeconds(1200);

    private final ThawedBeforeInfusion rule = new ThawedBeforeInfusion();

    @Test
    void refusesInfusingAUnitThatWasNeverThawed() {
        Refusal refusal = Contexts.refusalOf(rule.check(infusing(BAG, Stage.THAWED, bag(BAG, at(Contexts.SITE)))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_THAWED);
        assertThat(refusal.details()).containsEntry("unitId", BAG);
        assertThat(refusal.detail()).contains(BAG);
        assertThat(refusal.kind().recorded()).isFalse();
    }

    @Test
    void refusesThawingAUnitTwice() {
        Refusal refusal = Contexts.refusalOf(rule.check(thawing(BAG, Stage.RECEIVED_AT_SITE,
                bag(BAG, thawed(Contexts.SITE, THAWED_AT)))));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_ALREADY_THAWED);
        assertThat(refusal.details()).containsEntry("unitId", BAG).containsEntry("thawedAt", THAWED_AT);
        assertThat(refusal.detail()).contains(THAWED_AT.toString());
    }

    @Test
    void acceptsInfusingTheThawedUnit() {
        assertThat(rule.check(infusing(BAG, Stage.THAWED, bag(BAG, thawed(Contexts.SITE, THAWED_AT)))))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void acceptsTheFirstThaw() {
        assertThat(rule.check(thawing(BAG, Stage.RECEIVED_AT_SITE, bag(BAG, at(Contexts.SITE)))))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void ofTwoBagsTheOneThawedIsTheOneGiven() {
        StepContext wrongBag = Contexts.step(Stage.INFUSED, infusion(BAG_2)).at(Stage.THAWED)
                .unit(bag(BAG, thawed(Contexts.SITE, THAWED_AT))).unit(bag(BAG_2, at(Contexts.SITE))).build();
        Refusal refusal = Contexts.refusalOf(rule.check(wrongBag));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_THAWED);
        assertThat(refusal.details()).containsEntry("unitId", BAG_2);
    }

    @Test
    void judgesADoseOfALotTheSameWay() {
        StepContext unthawedDose = Contexts.step(Stage.INFUSED, infusion(DOSE)).allogeneic().at(Stage.STORED)
                .dose(DOSE, Stage.THAWED, Optional.of("RCP-0007")).unit(dose(DOSE, at(Contexts.SITE))).build();
        assertThat(Contexts.refusalOf(rule.check(unthawedDose)).kind()).isEqualTo(RefusalKind.UNIT_NOT_THAWED);
        StepContext thawedDose = Contexts.step(Stage.INFUSED, infusion(DOSE)).allogeneic().at(Stage.STORED)
                .dose(DOSE, Stage.THAWED, Optional.of("RCP-0007"))
                .unit(dose(DOSE, thawed(Contexts.SITE, THAWED_AT))).build();
        assertThat(rule.check(thawedDose)).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void leavesAUnitTheBatchDoesNotHaveToUnitMembership() {
        assertThat(rule.check(infusing("V2VOTHER00000-01", Stage.THAWED, bag(BAG, at(Contexts.SITE)))))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void doesNotJudgeOtherStages() {
        StepContext storing = Contexts.step(Stage.STORED, new StageData.Storage(new StageData.StorageLocation("LN2-1",
                "R1", "B1", "P1"), java.util.List.of(BAG))).at(Stage.RELEASED)
                .unit(bag(BAG, thawed(Contexts.SITE, THAWED_AT))).build();
        assertThat(rule.check(storing)).isInstanceOf(Ruling.Accepted.class);
    }

    /**
     * An identity mismatch at the bedside puts the batch on hold from THAWED; it resumes by logging the
     * stage it left again (docs/shipments.md, RecordedByShipments), naming the bag already thawed: that
     * is the same thaw re-logged, not a second one. Refusing it leaves a single-bag batch unable ever
     * to reach INFUSED.
     */
    @Test
    void acceptsABatchResumingFromAHoldAtThawedWithTheUnitItThawed() {
        StepContext resuming = Contexts.step(Stage.THAWED, thaw(BAG)).heldFrom(Stage.THAWED)
                .unit(bag(BAG, thawed(Contexts.SITE, THAWED_AT))).build();
        assertThat(rule.check(resuming)).isInstanceOf(Ruling.Accepted.class);
    }

    private static StepContext infusing(String unitId, Stage from, BatchUnit unit) {
        return Contexts.step(Stage.INFUSED, infusion(unitId)).at(from).unit(unit).build();
    }

    private static StepContext thawing(String unitId, Stage from, BatchUnit unit) {
        return Contexts.step(Stage.THAWED, thaw(unitId)).at(from).unit(unit).build();
    }

    private static StageData.Infusion infusion(String unitId) {
        return new StageData.Infusion(unitId, Contexts.scan(Contexts.COI.value(), unitId, "op-2"));
    }

    private static StageData.Thaw thaw(String unitId) {
        return new StageData.Thaw(unitId, Contexts.scan(Contexts.COI.value(), unitId, "op-2"),
                Optional.of(BigDecimal.valueOf(37)));
    }
}
