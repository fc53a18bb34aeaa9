package org.vein2vein.shipment.temperature.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import org.vein2vein.platform.problem.Problem;
import org.vein2vein.shipment.temperature.domain.Reading;

/**
 * The readings of an upload, read straight off the stream: up to {@link #MOST} of them, each an object
 * of {@code at} and {@code celsius}. Arrays elsewhere are bound to at most 500 items; an upload takes
 * 10,000, which fit in the body limit written compactly ({@code {"at":"2026-11-25T10:15:00Z","celsius":-182.4}},
 * 47 bytes). A reading of the wrong shape is not refused by throwing, which would name only the first:
 * every one is listed (see {@link #violations}), and nothing is stored.
 */
@JsonDeserialize(using = SentReadings.Reader.class)
public final class SentReadings {

    public static final int MOST = 10_000;
    static final String COUNT_RULE = "must list 1 to " + MOST + " readings";
    static final String ITEM_RULE = "must be an object with members at and celsius only";
    static final String CELSIUS_TYPE_RULE = "must be a number";
    static final String REQUIRED = "is required";

    private final List<Reading> readings;
    private final List<Problem.Violation> violations;

    private SentReadings(List<Reading> readings, List<Problem.Violation> violations) {
        this.readings = readings;
        this.violations = violations;
    }

    /** The readings, when they all have their shape ({@link #violations} is empty). */
    public List<Reading> readings() {
        return readings;
    }

    /** How the array or its readings are not of their shape, in the order of the readings. */
    public List<Problem.Violation> violations() {
        return violations;
    }

    /** As they were sent: what an Idempotency-Key's request is recognised by. */
    @JsonValue
    List<SentReading> asSent() {
        return readings.stream().map(SentReading::of).toList();
    }

    static final class Reader extends StdDeserializer<SentReadings> {

        private static final long serialVersionUID = 1L;

        Reader() {
            super(SentReadings.class);
        }

        @Override
        public SentReadings deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            List<Problem.Violation> violations = new ArrayList<>();
            if (!parser.isExpectedStartArrayToken()) {
                parser.skipChildren();
                return refused(new Problem.Violation("readings", "must be an array: " + COUNT_RULE));
            }
            List<Reading> readings = new ArrayList<>();
            int count = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    return (SentReadings) context.handleUnexpectedToken(SentReadings.class, parser);
                }
                if (++count > MOST) {
                    // Counted, not read: the rest of the body is no more than the body limit.
                    parser.skipChildren();
                    continue;
                }
                read(parser, count - 1, violations).ifPresent(readings::add);
            }
            if (count == 0 || count > MOST) {
                return refused(new Problem.Violation("readings", COUNT_RULE));
            }
            return new SentReadings(violations.isEmpty() ? readings : List.of(), violations);
        }

        private static SentReadings refused(Problem.Violation violation) {
            return new SentReadings(List.of(), List.of(violation));
        }

        /** The reading at the parser, or none when it is not of its shape, which {@code violations} then says. */
        private static Optional<Reading> read(JsonParser parser, int index, List<Problem.Violation> violations)
                throws IOException {
            if (!parser.hasToken(JsonToken.START_OBJECT)) {
                parser.skipChildren();
                violations.add(new Problem.Violation(field(index, ""), ITEM_RULE));
                return Optional.empty();
            }
            Instant at = null;
            BigDecimal celsius = null;
            boolean atValid = true;
            boolean celsiusValid = true;
            boolean unknownMember = false;
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                if ("at".equals(name)) {
                    at = value == JsonToken.VALUE_STRING ? IsoInstants.parse(parser.getText()).orElse(null) : null;
                    atValid = at != null;
                } else if ("celsius".equals(name)) {
                    boolean number = value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT;
                    celsius = number ? parser.getDecimalValue() : null;
                    celsiusValid = number;
                } else {
                    // The member's name is not repeated back: it could be anything, of any length.
                    unknownMember = true;
                }
                parser.skipChildren();
            }
            if (at != null && celsius != null && !unknownMember) {
                return Optional.of(new Reading(at, celsius));
            }
            if (unknownMember) {
                violations.add(new Problem.Violation(field(index, ""), ITEM_RULE));
            }
            if (!atValid) {
                violations.add(new Problem.Violation(field(index, ".at"), IsoInstants.RULE));
            } else if (at == null) {
                violations.add(new Problem.Violation(field(index, ".at"), REQUIRED));
            }
            if (!celsiusValid) {
                violations.add(new Problem.Violation(field(index, ".celsius"), CELSIUS_TYPE_RULE));
            } else if (celsius == null) {
                violations.add(new Problem.Violation(field(index, ".celsius"), REQUIRED));
            }
            return Optional.empty();
        }

        private static String field(int index, String member) {
            return "readings[" + index + "]" + member;
        }
    }
}
