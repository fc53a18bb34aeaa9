package org.vein2vein.shipper.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** No shipper has the id. */
public class ShipperNotFoundException extends ProblemException {

    public ShipperNotFoundException(String id) {
        super(Problem.of(ProblemType.SHIPPER_NOT_FOUND, "No shipper has id " + id + "."));
    }
}
