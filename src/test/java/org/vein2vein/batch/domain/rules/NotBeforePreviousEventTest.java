package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class NotBeforePreviousEventTest {

    private final NotBeforePreviousEvent rule = new NotBeforePreviousEvent();

    @Test
    void acceptsAStepWithinTheSkewBeforeThePreviousEventAPersonRecorded() {
        assertThat(rule.check(accepted().lastRecordedByPeopleAt(Contexts.NOW.plusSeconds(60)).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void acceptsTheFirstStep() {
        assertThat(rule.check(accepted().build())).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesAStepDatedBeforeThePreviousEventBeyondTheSkew() {
        Refusal refusal = Contexts.refusalOf(rule.check(accepted()
                .lastRecordedByPeopleAt(Contexts.NOW.plusSeconds(121)).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.OCCURRED_BEFORE_PREVIOUS_EVENT);
        assertThat(refusal.details()).containsEntry("earliestAccepted", Contexts.NOW.plusSeconds(1).toString());
    }

    private static Contexts accepted() {
        return Contexts.step(Stage.ACCEPTED, new StageData.Acceptance(StageData.Condition.INTACT))
                .at(Stage.RECEIVED_AT_MANUFACTURING);
    }
}
