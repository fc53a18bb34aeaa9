package org.vein2vein.batch.api.stagedata;

import java.util.List;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.platform.problem.Problem;

/**
 * The typed data of one stage's step, as a technician sends it in {@code data}. Field rules are
 * bean-validation constraints; rules between fields are in {@link #crossFieldViolations()}. The
 * validated record, written back as JSON, is what the custody ledger keeps.
 */
public interface StageDataBody {

    /** The validated data as the domain's typed record. */
    StageData toDomain();

    /** Violations of rules that span several fields, with paths relative to {@code data}. */
    default List<Problem.Violation> crossFieldViolations() {
        return List.of();
    }
}
