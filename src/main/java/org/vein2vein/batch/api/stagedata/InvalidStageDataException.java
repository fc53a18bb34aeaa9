package org.vein2vein.batch.api.stagedata;

import java.util.List;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** Stage data with invalid fields; nothing is recorded. */
public class InvalidStageDataException extends ProblemException {

    public InvalidStageDataException(List<Problem.Violation> violations) {
        super(Problem.of(ProblemType.INVALID_REQUEST, violations.size() == 1 ? "One field is not valid."
                : violations.size() + " fields are not valid.").withViolations(violations));
    }
}
