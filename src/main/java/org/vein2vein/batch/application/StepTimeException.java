package org.vein2vein.batch.application;

import java.time.Instant;

/** A step dated in the future, or before the event it would follow. */
public class StepTimeException extends RuntimeException {

    public enum Reason { IN_FUTURE, BEFORE_PREVIOUS_EVENT }

    private final Reason reason;
    private final Instant occurredAt;
    private final Instant limit;

    public StepTimeException(Reason reason, Instant occurredAt, Instant limit) {
        super(reason == Reason.IN_FUTURE
                ? "occurredAt " + occurredAt + " is later than the latest time accepted now, " + limit
                : "occurredAt " + occurredAt + " is earlier than the batch's previous event allows, " + limit);
        this.reason = reason;
        this.occurredAt = occurredAt;
        this.limit = limit;
    }

    public Reason reason() {
        return reason;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    /** The latest (in future) or earliest (before previous event) time that would have been accepted. */
    public Instant limit() {
        return limit;
    }
}
