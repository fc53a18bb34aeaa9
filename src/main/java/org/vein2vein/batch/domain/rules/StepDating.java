package org.vein2vein.batch.domain.rules;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A step, and every time its data gives, happened no later than now (give or take the clock skew
 * between devices): checked first, before anything is read, as it needs nothing but the step.
 */
public final class StepDating {

    private StepDating() {
    }

    public static Ruling check(Step step, Instant latestAccepted) {
        if (step.occurredAt().isAfter(latestAccepted)) {
            return Ruling.refuse(new Refusal(RefusalKind.OCCURRED_AT_IN_FUTURE, "OccurredAt " + step.occurredAt()
                    + " is later than the latest time accepted now, " + latestAccepted + ".",
                    Map.of("latestAccepted", latestAccepted.toString()), Optional.of("occurredAt")));
        }
        for (Map.Entry<String, Instant> time : step.data().times().entrySet()) {
            if (time.getValue().isAfter(latestAccepted)) {
                return Ruling.refuse(Refusal.invalidData("data." + time.getKey(),
                        "must not be later than the latest time accepted now, " + latestAccepted
                                + ": it has not happened yet"));
            }
        }
        return Ruling.accept();
    }
}
