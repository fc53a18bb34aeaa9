package org.vein2vein.batch.api;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/**
 * Reads an If-Match header against a batch's ETag, its ledger sequence ({@code "5"}). A missing
 * header or {@code *} sets no condition. Comparison is strong (RFC 9110): a weak tag never matches.
 */
final class IfMatch {

    private static final Pattern STRONG_SEQUENCE = Pattern.compile("\"(\\d{1,18})\"");
    private static final String FIELD = "header.If-Match";

    private IfMatch() {
    }

    /** The ledger sequence the client expects, if it set a condition. */
    static OptionalLong expectedSequence(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            // A weak tag can never match strongly: the condition fails whatever the batch's state.
            return OptionalLong.of(-1);
        }
        Matcher sequence = STRONG_SEQUENCE.matcher(tag);
        if (!sequence.matches()) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_REQUEST,
                    "If-Match must be one entity tag as the batch's ETag gives it, e.g. \"5\", or *.")
                    .withViolations(List.of(new Problem.Violation(FIELD, "must be one strong entity tag or *"))));
        }
        return OptionalLong.of(Long.parseLong(sequence.group(1)));
    }
}
