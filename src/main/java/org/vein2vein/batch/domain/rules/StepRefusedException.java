package org.vein2vein.batch.domain.rules;

/** A refusal found before the rules run, while working out what the step concerns. */
public class StepRefusedException extends RuntimeException {

    private final transient Refusal refusal;

    public StepRefusedException(Refusal refusal) {
        super(refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
