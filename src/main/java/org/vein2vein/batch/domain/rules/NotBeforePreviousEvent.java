package org.vein2vein.batch.domain.rules;

import java.time.Instant;

/**
 * A step happened no earlier than the newest event a person recorded for the batch, give or take the
 * clock skew. Measured from what people recorded: a clock alert dated at its deadline must not stop
 * a step that really happened before it from being recorded with its true time.
 */
public final class NotBeforePreviousEvent implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        if (context.lastOccurredAtByPeople().isEmpty()) {
            return Ruling.accept();
        }
        Instant earliest = context.lastOccurredAtByPeople().get().minus(context.maxClockSkew());
        if (context.step().occurredAt().isBefore(earliest)) {
            return Ruling.refuse(Refusal.of(RefusalKind.OCCURRED_BEFORE_PREVIOUS_EVENT, "OccurredAt "
                    + context.step().occurredAt() + " is earlier than the batch's previous event allows, " + earliest
                    + ".").with("earliestAccepted", earliest.toString()));
        }
        return Ruling.accept();
    }
}
