package org.vein2vein.batch.application;

import org.vein2vein.kernel.Stage;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** QA logs no process step: it only takes a batch, or a dose, off its path (a hold, a cancellation). */
public class QaStepNotPermittedException extends ProblemException {

    public QaStepNotPermittedException(Stage attempted) {
        super(Problem.of(ProblemType.FORBIDDEN, "QA takes batches and doses off their path (QUARANTINED, "
                + "CANCELLED); " + attempted + " is logged by a technician.").with("attemptedStage", attempted));
    }
}
