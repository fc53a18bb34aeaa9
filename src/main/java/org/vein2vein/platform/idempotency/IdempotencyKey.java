package org.vein2vein.platform.idempotency;

import java.util.List;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;

/**
 * The key of an {@code Idempotency-Key} header. The IETF draft sends it as an RFC 8941 string
 * ({@code "8e03978e-40d5"}); many clients send it bare ({@code 8e03978e-40d5}). Both name the same
 * key: the characters between the quotes, or the whole value.
 */
record IdempotencyKey(String value) {

    static final int MAX_LENGTH = 255;
    static final String VIOLATION_FIELD = "header." + IdempotentExecution.HEADER;
    private static final String RULE = "must be 1 to " + MAX_LENGTH + " printable ASCII characters, bare or as a "
            + "quoted string";

    /** @throws ProblemException a 400 invalid-request when the header does not hold a valid key */
    static IdempotencyKey parse(String header) {
        String key = header.startsWith("\"") ? unquoted(header) : header;
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH
                || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw new ProblemException(Problem.of(ProblemType.INVALID_REQUEST,
                    "The " + IdempotentExecution.HEADER + " header " + RULE + ".")
                    .withViolations(List.of(new Problem.Violation(VIOLATION_FIELD, RULE))));
        }
        return new IdempotencyKey(key);
    }

    /** The content of an RFC 8941 sf-string, or null when the text is not one. */
    private static String unquoted(String text) {
        StringBuilder content = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i == text.length() - 1 ? content.toString() : null;
            }
            if (c == '\\') {
                if (++i == text.length() || (text.charAt(i) != '"' && text.charAt(i) != '\\')) {
                    return null;
                }
                c = text.charAt(i);
            }
            content.append(c);
        }
        return null;
    }
}
