package org.vein2vein.shipper.application;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** A shipper with the id exists already: ids are never reused, a shipper is changed with PUT. */
public class ShipperExistsException extends ProblemException {

    public ShipperExistsException(String id) {
        super(Problem.of(ProblemType.SHIPPER_EXISTS, "A shipper with id " + id + " already exists: change it with "
                + "PUT /api/v1/shippers/" + id + ".").with("shipperId", id));
    }
}
