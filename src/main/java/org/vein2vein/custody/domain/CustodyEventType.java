package org.vein2vein.custody.domain;

/** What kind of fact a custody event records. Names are past tense: events are facts. */
public enum CustodyEventType {
    /** The batch was registered and received its COI. */
    BATCH_REGISTERED,
    /** A technician recorded a step of the batch's journey. */
    STEP_RECORDED,
    /**
     * A step was attempted and refused by a rule that keeps the attempt on record (a missed time
     * window, an identity mismatch, a missing second verifier): the batch's stage is unchanged.
     */
    STEP_REJECTED,
    /**
     * The service found a time window of the batch's product running past its warning threshold
     * ({@code vein2vein.clocks.warning-at} of the window elapsed) before the step that ends it: the
     * event occurred when the threshold was reached, recorded by the system actor {@code vein2vein-clock}.
     */
    TIME_WINDOW_WARNING_ISSUED,
    /**
     * The service found a time window of the batch's product running past its deadline before the step
     * that ends it: the event occurred at the deadline, recorded by the system actor {@code vein2vein-clock}.
     */
    TIME_WINDOW_BREACHED
}
