package org.vein2vein.shipper.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/**
 * A shipment names a shipper the registry does not have. A conflict, not a 404: the resource the
 * request acts on, the shipment, exists; it cannot be packed into equipment nobody qualified.
 */
public class ShipperNotRegisteredException extends ProblemException {

    public ShipperNotRegisteredException(String shipperId) {
        super(Problem.of(ProblemType.SHIPPER_NOT_REGISTERED, "No shipper with id " + shipperId + " is registered: "
                + "pack into a registered shipper, or have an administrator register this one.")
                .with("shipperId", shipperId));
    }
}
