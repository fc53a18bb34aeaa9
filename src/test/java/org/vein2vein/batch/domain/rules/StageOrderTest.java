package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class StageOrderTest {

    private final StageOrder rule = new StageOrder();

    @Test
    void acceptsTheNextStageOfThePlan() {
        assertThat(rule.check(acceptance().at(Stage.RECEIVED_AT_MANUFACTURING).build())).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesAStageThePlanDoesNotAllowNowAndSaysWhatItWould() {
        Refusal refusal = Contexts.refusalOf(rule.check(acceptance().at(Stage.COLLECTED).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.STEP_OUT_OF_ORDER);
        assertThat(refusal.details()).containsEntry("currentStage", Stage.COLLECTED)
                .containsEntry("attemptedStage", Stage.ACCEPTED);
        assertThat(refusal.details().get("allowedNextStages")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains(Stage.SHIPPED_TO_MANUFACTURING);
    }

    @Test
    void refusesAnyStepAfterAFinalStage() {
        Refusal refusal = Contexts.refusalOf(rule.check(acceptance().at(Stage.INFUSED).build()));
        assertThat(refusal.detail()).contains("a final stage");
    }

    @Test
    void refusesADosesStepBeforeItsLotIsStoredWithAReadableSentence() {
        Refusal refusal = Contexts.refusalOf(rule.check(Contexts.step(Stage.ALLOCATED,
                new StageData.Allocation("V2V7K3Q9P2XRTB-D01", "RCP-0007", "SITE-BRUX-02")).allogeneic().heldFrom(Stage.RELEASED)
                .dose("V2V7K3Q9P2XRTB-D01", Stage.SPLIT, Optional.empty()).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.STEP_OUT_OF_ORDER);
        assertThat(refusal.detail()).isEqualTo("Lot V2V7K3Q9P2XRTB is QUARANTINED: its doses move on their own only "
                + "once it is STORED, so ALLOCATED of dose V2V7K3Q9P2XRTB-D01 may not follow yet.");
    }

    @Test
    void saysThatABagOfAStoredLotIsNotOneOfItsDoses() {
        Refusal refusal = Contexts.refusalOf(rule.check(Contexts.step(Stage.ALLOCATED,
                new StageData.Allocation("V2V7K3Q9P2XRTB-B01", "RCP-0007", "SITE-BRUX-02")).allogeneic().at(Stage.STORED)
                .missingDose("V2V7K3Q9P2XRTB-B01").build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_IN_BATCH);
        assertThat(refusal.detail()).startsWith("V2V7K3Q9P2XRTB-B01 is not a dose of lot V2V7K3Q9P2XRTB");
    }

    @Test
    void followsTheDosesOwnStageOnceTheLotIsStored() {
        assertThat(rule.check(Contexts.step(Stage.ALLOCATED, new StageData.Allocation("V2V7K3Q9P2XRTB-D01",
                "RCP-0007", "SITE-BRUX-02")).allogeneic().at(Stage.STORED).dose("V2V7K3Q9P2XRTB-D01", Stage.STORED, Optional.empty())
                .build())).isInstanceOf(Ruling.Accepted.class);
    }

    private static Contexts acceptance() {
        return Contexts.step(Stage.ACCEPTED, new StageData.Acceptance(StageData.Condition.INTACT));
    }
}
