package org.vein2vein.shipment.temperature.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The length of the buckets readings are summarised in: whole seconds, from one minute to one day. Buckets
 * start at whole multiples of it since 1970-01-01T00:00:00Z, so PT5M buckets start at :00, :05, ... and
 * P1D buckets at midnight UTC.
 */
public record SamplingInterval(Duration length) {

    public static final Duration SHORTEST = Duration.ofMinutes(1);
    public static final Duration LONGEST = Duration.ofDays(1);
    public static final String RULE = "must be an ISO-8601 duration of whole seconds from PT1M to P1D, e.g. PT5M";
    /** Longer text is no duration of that range, whatever it says: it is not parsed. */
    private static final int LONGEST_TEXT = 32;

    public SamplingInterval {
        if (length.getNano() != 0 || length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /** The interval {@code text} names, or empty when it names none this API accepts. */
    public static Optional<SamplingInterval> parse(String text) {
        if (text == null || text.length() > LONGEST_TEXT) {
            return Optional.empty();
        }
        try {
            Duration length = Duration.parse(text);
            return length.getNano() == 0 && length.compareTo(SHORTEST) >= 0 && length.compareTo(LONGEST) <= 0
                    ? Optional.of(new SamplingInterval(length)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public long seconds() {
        return length.getSeconds();
    }
}
