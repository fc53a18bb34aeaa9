package org.vein2vein.batch.application;

import org.vein2vein.kernel.Coi;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** No batch carries the COI asked for, or none the caller may see: the two are answered alike. */
public class BatchNotFoundException extends ProblemException {

    public BatchNotFoundException(Coi coi) {
        super(Problem.of(ProblemType.BATCH_NOT_FOUND, "No batch has COI " + coi + "."));
    }
}
