package org.vein2vein.batch.api.stagedata;

import java.util.List;

import org.vein2vein.batch.application.StepFacts;
import org.vein2vein.platform.problem.Problem;

/**
 * The typed data of one stage's step, as a technician sends it in {@code data}. Field rules are
 * bean-validation constraints; rules between fields are in {@link #crossFieldViolations()}. The
 * validated record, written back as JSON, is what the custody ledger keeps.
 */
public interface StageData {

    /** What the service's rules need to know of this step. */
    StepFacts facts();

    /** Violations of rules that span several fields, with paths relative to {@code data}. */
    default List<Problem.Violation> crossFieldViolations() {
        return List.of();
    }
}
