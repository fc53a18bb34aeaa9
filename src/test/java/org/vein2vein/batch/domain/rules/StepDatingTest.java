package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class StepDatingTest {

    private static final Instant LATEST = Contexts.NOW.plusSeconds(120);

    @Test
    void acceptsAStepDatedWithinTheClockSkew() {
        assertThat(StepDating.check(step(LATEST, LATEST.minusSeconds(3600)), LATEST)).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesAStepDatedLaterThanNowAndTheSkew() {
        Refusal refusal = Contexts.refusalOf(StepDating.check(step(LATEST.plusMillis(1), Contexts.NOW), LATEST));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.OCCURRED_AT_IN_FUTURE);
        assertThat(refusal.field()).contains("occurredAt");
        assertThat(refusal.details()).containsEntry("latestAccepted", LATEST.toString());
    }

    @Test
    void refusesATimeInsideTheDataThatHasNotHappenedYet() {
        Refusal refusal = Contexts.refusalOf(StepDating.check(step(Contexts.NOW, LATEST.plusSeconds(86_400)), LATEST));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.INVALID_STEP_DATA);
        assertThat(refusal.field()).contains("data.startedAt");
    }

    private static Step step(Instant occurredAt, Instant collectionStarted) {
        return new Step(Stage.COLLECTED, occurredAt, "SITE-LYON-01", Optional.empty(), new StageData.Collection(
                "A999926123456T", collectionStarted, collectionStarted.plusSeconds(60), BigDecimal.TEN, 10, 5,
                StageData.Anticoagulant.ACD_A));
    }
}
