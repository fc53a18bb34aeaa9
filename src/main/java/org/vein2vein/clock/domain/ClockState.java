package org.vein2vein.clock.domain;

/** Where a live clock stands at a given moment. */
public enum ClockState {
    /** Running, less than the warning threshold of its window elapsed. */
    RUNNING,
    /** Running, past the warning threshold but not yet past its deadline. */
    WARNING,
    /** Running past its deadline: the window is breached. */
    BREACHED,
    /** The step that ends the window (or the batch's journey) stopped it. */
    STOPPED
}
