package org.vein2vein.batch.domain;

import java.util.Set;

import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;

/** A step that the batch's stage plan does not allow after its current stage. */
public class StepOutOfOrderException extends RuntimeException {

    private final Stage current;
    private final Stage attempted;
    private final Set<Stage> allowed;

    public StepOutOfOrderException(Coi coi, Stage current, Stage attempted, Set<Stage> allowed) {
        this("batch " + coi, current, attempted, allowed);
    }

    /** @param subject what is out of order, such as "batch V2V..." or "dose V2V...-D01" */
    public StepOutOfOrderException(String subject, Stage current, Stage attempted, Set<Stage> allowed) {
        super(allowed.isEmpty()
                ? subject + " is " + current + ", a final stage: no step may follow it"
                : subject + " is " + current + ": " + attempted + " may not follow; allowed next: " + allowed);
        this.current = current;
        this.attempted = attempted;
        this.allowed = allowed;
    }

    public Stage current() {
        return current;
    }

    public Stage attempted() {
        return attempted;
    }

    public Set<Stage> allowed() {
        return allowed;
    }
}
