package org.vein2vein.shipment.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** The caller may see the shipment but not do this to it now (a technician picking it up for a courier). */
public class ShipmentActionNotPermittedException extends ProblemException {

    public ShipmentActionNotPermittedException(String detail) {
        super(Problem.of(ProblemType.FORBIDDEN, detail));
    }
}
