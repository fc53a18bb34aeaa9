package org.vein2vein.platform.problem;

/** Ends a request with the given problem; thrown where the API layer decides the answer. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.getDetail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
