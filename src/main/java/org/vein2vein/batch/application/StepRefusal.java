package org.vein2vein.batch.application;

import java.util.Map;
import java.util.Objects;

/**
 * Why a step was refused by a rule that keeps the attempt on record.
 *
 * @param details facts for the client and the ledger, such as the window and by how much it was missed
 * @param holds   whether the refusal put the batch (or dose) on hold
 */
public record StepRefusal(Kind kind, String detail, Map<String, Object> details, boolean holds) {

    public enum Kind {
        /** The step came after its time window closed, without a deviation reference. */
        TIME_WINDOW_MISSED,
        /** What was scanned at an identity checkpoint does not match the record. */
        IDENTITY_MISMATCH,
        /** The product requires a second, different verifier at identity checkpoints. */
        SECOND_VERIFIER_REQUIRED
    }

    public StepRefusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        details = Map.copyOf(details);
    }
}
