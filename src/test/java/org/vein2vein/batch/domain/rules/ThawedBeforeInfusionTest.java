package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.batch.domain.UnitCustody;
import org.vein2vein.kernel.Stage;

class ThawedBeforeInfusionTest {

    private static final String BAG = Contexts.COI.value() + "-01";
    private static final Instant THAWED_AT = Contexts.NOW.minusSeconds(600);

    private final ThawedBeforeInfusion rule = new ThawedBeforeInfusion();

    @Test
    void aBagNeverThawedIsNotInfused() {
        Refusal refusal = Contexts.refusalOf(rule.check(infusion().at(Stage.THAWED).unit(frozen()).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_NOT_THAWED);
        assertThat(refusal.kind().recorded()).isFalse();
    }

    @Test
    void aThawedBagIsInfused() {
        assertThat(rule.check(infusion().at(Stage.THAWED).unit(thawed()).build())).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void aBagIsThawedOnce() {
        Refusal refusal = Contexts.refusalOf(rule.check(thaw().at(Stage.THAWED).unit(thawed()).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_ALREADY_THAWED);
        assertThat(refusal.details()).containsEntry("thawedAt", THAWED_AT);
    }

    @Test
    void aBatchHeldAtItsThawResumesByCheckingTheThawedBagAgain() {
        assertThat(rule.check(thaw().heldFrom(Stage.THAWED).unit(thawed()).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void aBatchHeldAtAnotherStageDoesNotThawABagTwice() {
        Refusal refusal = Contexts.refusalOf(rule.check(thaw().heldFrom(Stage.RECEIVED_AT_SITE).unit(thawed())
                .build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.UNIT_ALREADY_THAWED);
    }

    private static Contexts thaw() {
        return Contexts.step(Stage.THAWED, new StageData.Thaw(BAG, Contexts.scan(Contexts.COI.value(), BAG, "op-2"),
                Optional.empty()));
    }

    private static Contexts infusion() {
        return Contexts.step(Stage.INFUSED, new StageData.Infusion(BAG, Contexts.scan(Contexts.COI.value(), BAG,
                "op-2")));
    }

    private static BatchUnit frozen() {
        return Contexts.bag(BAG, 300_000_000L);
    }

    private static BatchUnit thawed() {
        return new BatchUnit(BAG, BatchUnit.Kind.BAG, Optional.of(300_000_000L), true,
                new UnitCustody(Optional.of(Contexts.SITE), Optional.empty(), Optional.of("HOSP-LYON"),
                        Optional.empty(), Optional.of(THAWED_AT)));
    }
}
