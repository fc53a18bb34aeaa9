package org.vein2vein.platform.problem;

import java.util.Optional;

/**
 * Ends a request with its problem. The services' refusals are subclasses that build their own problem,
 * type included, or carry one built elsewhere (a step's rule refusal); one mapper ({@link ProblemMappers})
 * answers them all.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final String entityTag;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    /** @param entityTag the resource's current ETag, sent with a 412 so the client can read again */
    protected ProblemException(Problem problem, String entityTag) {
        super(problem.getDetail(), null, false, false);
        this.problem = problem;
        this.entityTag = entityTag;
    }

    public Problem problem() {
        return problem;
    }

    public Optional<String> entityTag() {
        return Optional.ofNullable(entityTag);
    }

}
