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
    TIME_WINDOW_BREACHED,
    /**
     * The party holding a shipment with units of the batch released it to the next party; it stays the
     * custodian until the next party accepts. Its site is the releasing or receiving site, or the
     * shipment's id for a handover between couriers in transit.
     */
    HANDOVER_RELEASED,
    /** The next party accepted a shipment with units of the batch, with the condition it observed: custody passed. */
    HANDOVER_ACCEPTED,
    /**
     * A logger on a shipment carrying units of the batch read a temperature outside the units' class
     * after the stabilisation period: the units on board are held, by the system actor
     * {@code vein2vein-temperature-monitor}.
     */
    TEMPERATURE_EXCURSION_DETECTED
}
