package org.vein2vein.shipper.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a shipper may not carry a shipment: the reason, a sentence a person can read, and the
 * figures behind it (times and durations as ISO-8601 text), e.g. the hold time required and the
 * one validated.
 */
public record Unfitness(Reason reason, String detail, Map<String, String> figures) {

    public enum Reason {
        /** The shipper has been taken out of service. */
        INACTIVE,
        /** Its qualification ends before the shipment's planned arrival. */
        QUALIFICATION_EXPIRED,
        /** It does not keep the shipment's temperature class. */
        TYPE_DOES_NOT_FIT_CLASS,
        /** Its validated hold time is shorter than the planned transit plus the margin. */
        HOLD_TIME_TOO_SHORT
    }

    public Unfitness {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}
