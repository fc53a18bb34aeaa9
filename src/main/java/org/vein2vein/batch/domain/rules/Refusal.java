package org.vein2vein.batch.domain.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule's refusal: why, in a sentence a person can read, the facts behind it, and for refused
 * data the field at fault ({@code data.unitIds}).
 *
 * @param details facts for the client and, for a recorded refusal, the ledger: codes, ids, times, never a
 *                patient's reference
 */
public record Refusal(RefusalKind kind, String detail, Map<String, Object> details, Optional<String> field) {

    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        Objects.requireNonNull(field, "field");
    }

    public static Refusal of(RefusalKind kind, String detail) {
        return new Refusal(kind, detail, Map.of(), Optional.empty());
    }

    /** Data that lacks what this batch's step needs: a 400 naming the field. */
    public static Refusal invalidData(String field, String rule) {
        return new Refusal(RefusalKind.INVALID_STEP_DATA, rule, Map.of(), Optional.of(field));
    }

    public Refusal with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new Refusal(kind, detail, more, field);
    }
}
