package org.vein2vein.custody.domain;

/** What kind of fact a custody event records. Names are past tense: events are facts. */
public enum CustodyEventType {
    /** The batch was registered and received its COI. */
    BATCH_REGISTERED,
    /** A technician recorded a step of the batch's journey. */
    STEP_RECORDED
}
