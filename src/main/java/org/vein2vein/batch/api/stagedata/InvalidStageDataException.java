package org.vein2vein.batch.api.stagedata;

import java.util.List;

import org.vein2vein.platform.problem.Problem;

/** Stage data with invalid fields; nothing is recorded. */
public class InvalidStageDataException extends RuntimeException {

    private final transient List<Problem.Violation> violations;

    public InvalidStageDataException(List<Problem.Violation> violations) {
        super(violations.size() == 1 ? "One field is not valid." : violations.size() + " fields are not valid.");
        this.violations = List.copyOf(violations);
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
