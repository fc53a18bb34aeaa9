package org.vein2vein.batch.domain.rules;

/** Who logs a step, and through which door: the rules that depend on it read it from the context. */
public enum StepChannel {
    /** A technician at one of their sites, through the step endpoint. */
    TECHNICIAN,
    /** QA, through the step endpoint: only to take a batch or dose off its path. */
    QUALITY_ASSURANCE,
    /** A shipment's transition, which records the shipping and receiving stages of the batches on board. */
    SHIPMENT
}
