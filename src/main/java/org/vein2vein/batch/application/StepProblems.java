package org.vein2vein.batch.application;

import java.util.List;
import java.util.Map;

import org.vein2vein.batch.domain.rules.Refusal;
import org.vein2vein.batch.domain.rules.RefusalKind;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/** How a safety rule's refusal reads as a problem: one type per kind of refusal, its facts as members. */
public final class StepProblems {

    private StepProblems() {
    }

    /** The problem a refusal answers with; for refused data, a violation naming the field. */
    public static Problem of(Refusal refusal) {
        Problem problem;
        if (refusal.field().isPresent()) {
            String field = refusal.field().get();
            // A refused time says what the latest acceptable one is; other fields say what they must be.
            String rule = refusal.kind() == RefusalKind.OCCURRED_AT_IN_FUTURE
                    ? "must not be later than " + refusal.details().get("latestAccepted") : refusal.detail();
            String detail = refusal.kind() == RefusalKind.INVALID_STEP_DATA
                    ? "Field '" + field + "' " + refusal.detail() + "." : refusal.detail();
            problem = Problem.of(typeOf(refusal.kind()), detail)
                    .withViolations(List.of(new Problem.Violation(field, rule)));
        } else {
            problem = Problem.of(typeOf(refusal.kind()), refusal.detail());
        }
        for (Map.Entry<String, Object> fact : refusal.details().entrySet()) {
            problem = problem.with(fact.getKey(), fact.getValue());
        }
        return problem;
    }

    /** The problem type of each kind of refusal: a switch, so that a new kind without one does not compile. */
    static ProblemType typeOf(RefusalKind kind) {
        return switch (kind) {
            case OCCURRED_AT_IN_FUTURE -> ProblemType.OCCURRED_AT_IN_FUTURE;
            case OCCURRED_BEFORE_PREVIOUS_EVENT -> ProblemType.OCCURRED_BEFORE_PREVIOUS_EVENT;
            case STEP_OUT_OF_ORDER -> ProblemType.STEP_OUT_OF_ORDER;
            case INVALID_STEP_DATA -> ProblemType.INVALID_REQUEST;
            case UNIT_NOT_IN_BATCH -> ProblemType.UNIT_NOT_IN_BATCH;
            case UNIT_ID_IN_USE -> ProblemType.UNIT_ID_IN_USE;
            case DONATION_ID_IN_USE -> ProblemType.DONATION_ID_IN_USE;
            case DOSE_ALREADY_ALLOCATED -> ProblemType.DOSE_ALREADY_ALLOCATED;
            case TEMPERATURE_CLASS_MISMATCH -> ProblemType.TEMPERATURE_CLASS_MISMATCH;
            case LABELLED_DOSE_OUT_OF_RANGE -> ProblemType.LABELLED_DOSE_OUT_OF_RANGE;
            case RELEASE_SPECIFICATION_NOT_MET -> ProblemType.RELEASE_SPECIFICATION_NOT_MET;
            case WITHIN_SPECIFICATION -> ProblemType.WITHIN_SPECIFICATION;
            case RECORDED_BY_SHIPMENTS -> ProblemType.RECORDED_BY_SHIPMENTS;
            case UNIT_NOT_AT_SITE -> ProblemType.UNIT_NOT_AT_SITE;
            case MATERIAL_NOT_AT_SITE -> ProblemType.MATERIAL_NOT_AT_SITE;
            case BATCH_HELD_ELSEWHERE -> ProblemType.BATCH_HELD_ELSEWHERE;
            case UNIT_NOT_THAWED -> ProblemType.UNIT_NOT_THAWED;
            case UNIT_ALREADY_THAWED -> ProblemType.UNIT_ALREADY_THAWED;
            case IDENTITY_MISMATCH -> ProblemType.IDENTITY_MISMATCH;
            case SECOND_VERIFIER_REQUIRED -> ProblemType.SECOND_VERIFIER_REQUIRED;
            case TIME_WINDOW_MISSED -> ProblemType.TIME_WINDOW_MISSED;
        };
    }

    /** A refusal that writes nothing, thrown so that the step's transaction rolls back. */
    public static ProblemException exception(Refusal refusal) {
        return new ProblemException(of(refusal));
    }
}
