package org.vein2vein.shipment.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** The client's If-Match named a version of the shipment that is no longer its current one. */
public class StaleShipmentException extends ProblemException {

    public StaleShipmentException(long expected, long current) {
        super(Problem.of(ProblemType.PRECONDITION_FAILED, "The shipment has changed since you read it: If-Match named "
                + "version " + expected + ", the shipment is at " + current + ". Read it again and decide anew.")
                .with("currentVersion", current), Long.toString(current));
    }
}
