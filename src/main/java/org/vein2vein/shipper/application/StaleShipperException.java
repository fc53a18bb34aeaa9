package org.vein2vein.shipper.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** The client's If-Match named a version that is no longer the shipper's current one. */
public class StaleShipperException extends ProblemException {

    public StaleShipperException(long expected, long current) {
        super(Problem.of(ProblemType.PRECONDITION_FAILED, "The shipper has changed since you read it: If-Match named "
                + "version " + (expected < 1 ? "(weak tag)" : Long.toString(expected)) + ", the shipper is at version "
                + current + ". Read the shipper again and decide anew.").with("currentVersion", current),
                Long.toString(current));
    }
}
