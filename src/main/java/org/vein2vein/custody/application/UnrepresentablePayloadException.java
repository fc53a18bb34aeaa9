package org.vein2vein.custody.application;

import java.util.List;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** Event data that has no canonical form, so that its hash could not be recomputed from what is stored. */
public class UnrepresentablePayloadException extends ProblemException {

    public UnrepresentablePayloadException(String reason) {
        super(Problem.of(ProblemType.INVALID_REQUEST, "Field 'data' cannot be recorded: " + reason + ".")
                .withViolations(List.of(new Problem.Violation("data", reason))));
    }
}
