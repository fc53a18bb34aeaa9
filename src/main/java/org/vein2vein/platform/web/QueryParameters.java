package org.vein2vein.platform.web;

import java.util.List;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/**
 * Reads paging parameters from their text rather than binding them as numbers, so that anything
 * that is not a valid value is a 400 naming the parameter instead of the runtime's 404.
 */
public final class QueryParameters {

    private static final String WHOLE_NUMBER = "[0-9]{1,18}";

    private QueryParameters() {
    }

    /**
     * A whole number from 1 to {@code max} given as query parameter {@code name}, or
     * {@code fallback} when absent; else a 400 whose violation says {@code rule}.
     */
    public static long wholeNumber(String name, String value, long fallback, long max, String rule) {
        if (value == null) {
            return fallback;
        }
        if (value.matches(WHOLE_NUMBER)) {
            long number = Long.parseLong(value);
            if (number >= 1 && number <= max) {
                return number;
            }
        }
        throw invalid(name, rule);
    }

    /** A 400 naming query parameter {@code name} and what it must be. */
    public static ProblemException invalid(String name, String rule) {
        return new ProblemException(Problem.of(ProblemType.INVALID_REQUEST, "Query parameter '" + name + "' " + rule
                + ".").withViolations(List.of(new Problem.Violation("query." + name, rule))));
    }
}
