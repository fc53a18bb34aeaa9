package org.vein2vein.shipment.application;

import java.util.List;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** A shipment request whose field breaks a rule that needs the record to check (a site, a time). */
public class InvalidShipmentRequestException extends ProblemException {

    public InvalidShipmentRequestException(String field, String rule) {
        super(Problem.of(ProblemType.INVALID_REQUEST, "Field '" + field + "' " + rule + ".")
                .withViolations(List.of(new Problem.Violation(field, rule))));
    }
}
