package org.vein2vein.platform.web;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/**
 * Reads an If-Match header against an ETag that is a version number ({@code "5"}): a batch's
 * ledger sequence, a site's version. Comparison is strong (RFC 9110): a weak tag never matches.
 */
public final class IfMatch {

    /** What a weak tag is read as: no version is ever 0 or less, so the condition always fails. */
    private static final long NEVER_MATCHES = -1;
    private static final Pattern STRONG_VERSION = Pattern.compile("\"(\\d{1,18})\"");
    private static final String FIELD = "header.If-Match";

    private IfMatch() {
    }

    /** The version the client expects, if it set a condition: a missing header or {@code *} sets none. */
    public static OptionalLong expectedVersion(String header) {
        if (absent(header) || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(version(header, "one entity tag as the ETag gives it, e.g. \"5\", or *",
                "must be one strong entity tag or *"));
    }

    /**
     * The version the client expects, where a change must name one (RFC 6585 428 when it does not).
     * {@code *} names none: it would overwrite whatever another client wrote since.
     */
    public static long requiredVersion(String header, String resource) {
        if (absent(header) || header.strip().equals("*")) {
            throw new ProblemException(Problem.of(ProblemType.PRECONDITION_REQUIRED, "Changing " + resource
                    + " requires If-Match with the ETag you last read, e.g. \"3\": read it first, then send its ETag."));
        }
        return version(header, "one entity tag as the ETag gives it, e.g. \"5\"", "must be one strong entity tag");
    }

    private static boolean absent(String header) {
        return header == null || header.isBlank();
    }

    private static long version(String header, String expected, String rule) {
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            return NEVER_MATCHES;
        }
        Matcher version = STRONG_VERSION.matcher(tag);
        if (!version.matches()) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_REQUEST, "If-Match must be " + expected + ".")
                    .withViolations(List.of(new Problem.Violation(FIELD, rule))));
        }
        return Long.parseLong(version.group(1));
    }
}
