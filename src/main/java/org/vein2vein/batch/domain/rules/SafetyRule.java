package org.vein2vein.batch.domain.rules;

/**
 * One rule a step must satisfy to be recorded, named as QA would name it. Pure: it reads the
 * context and answers; the service that runs the rules loads the context and records the outcome.
 */
public interface SafetyRule {

    Ruling check(StepContext context);
}
