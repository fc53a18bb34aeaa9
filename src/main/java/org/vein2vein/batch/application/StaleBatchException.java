package org.vein2vein.batch.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** The client's If-Match named a ledger sequence that is no longer the batch's newest. */
public class StaleBatchException extends ProblemException {

    public StaleBatchException(long expected, long current) {
        super(Problem.of(ProblemType.PRECONDITION_FAILED, "The batch has changed since you read it: If-Match named "
                + "ledger sequence " + expected + ", the batch is at " + current + ". Read the batch again and "
                + "decide anew.").with("currentSequence", current), Long.toString(current));
    }
}
