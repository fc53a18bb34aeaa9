package org.vein2vein.shipment.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/**
 * No shipment has the id, or none the caller may see: the two are answered alike, so that a partner
 * learns nothing of another partner's shipments. The id is not echoed (it may be anything a client sent).
 */
public class ShipmentNotFoundException extends ProblemException {

    public ShipmentNotFoundException(String id) {
        super(Problem.of(ProblemType.SHIPMENT_NOT_FOUND, "No shipment has this id."));
    }
}
