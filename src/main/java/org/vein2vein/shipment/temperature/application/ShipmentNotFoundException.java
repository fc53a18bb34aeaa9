package org.vein2vein.shipment.temperature.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** No shipment has the id asked for, or none the caller may see: the two are answered alike. */
public class ShipmentNotFoundException extends ProblemException {

    public ShipmentNotFoundException(String id) {
        super(Problem.of(ProblemType.NOT_FOUND, "No shipment has id " + id + "."));
    }
}
