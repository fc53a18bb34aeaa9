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

    private static final Map<RefusalKind, ProblemType> TYPES = Map.ofEntries(
            Map.entry(RefusalKind.OCCURRED_AT_IN_FUTURE, ProblemType.OCCURRED_AT_IN_FUTURE),
            Map.entry(RefusalKind.OCCURRED_BEFORE_PREVIOUS_EVENT, ProblemType.OCCURRED_BEFORE_PREVIOUS_EVENT),
            Map.entry(RefusalKind.STEP_OUT_OF_ORDER, ProblemType.STEP_OUT_OF_ORDER),
            Map.entry(RefusalKind.INVALID_STEP_DATA, ProblemType.INVALID_REQUEST),
            Map.entry(RefusalKind.UNIT_NOT_IN_BATCH, ProblemType.UNIT_NOT_IN_BATCH),
            Map.entry(RefusalKind.UNIT_ID_IN_USE, ProblemType.UNIT_ID_IN_USE),
            Map.entry(RefusalKind.DONATION_ID_IN_USE, ProblemType.DONATION_ID_IN_USE),
            Map.entry(RefusalKind.DOSE_ALREADY_ALLOCATED, ProblemType.DOSE_ALREADY_ALLOCATED),
            Map.entry(RefusalKind.TEMPERATURE_CLASS_MISMATCH, ProblemType.TEMPERATURE_CLASS_MISMATCH),
            Map.entry(RefusalKind.LABELLED_DOSE_OUT_OF_RANGE, ProblemType.LABELLED_DOSE_OUT_OF_RANGE),
            Map.entry(RefusalKind.RELEASE_SPECIFICATION_NOT_MET, ProblemType.RELEASE_SPECIFICATION_NOT_MET),
            Map.entry(RefusalKind.WITHIN_SPECIFICATION, ProblemType.WITHIN_SPECIFICATION),
            Map.entry(RefusalKind.IDENTITY_MISMATCH, ProblemType.IDENTITY_MISMATCH),
            Map.entry(RefusalKind.SECOND_VERIFIER_REQUIRED, ProblemType.SECOND_VERIFIER_REQUIRED),
            Map.entry(RefusalKind.TIME_WINDOW_MISSED, ProblemType.TIME_WINDOW_MISSED));

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
            problem = Problem.of(TYPES.get(refusal.kind()), detail)
                    .withViolations(List.of(new Problem.Violation(field, rule)));
        } else {
            problem = Problem.of(TYPES.get(refusal.kind()), refusal.detail());
        }
        for (Map.Entry<String, Object> fact : refusal.details().entrySet()) {
            problem = problem.with(fact.getKey(), fact.getValue());
        }
        return problem;
    }

    /** A refusal that writes nothing, thrown so that the step's transaction rolls back. */
    public static ProblemException exception(Refusal refusal) {
        return new ProblemException(of(refusal));
    }
}
