package org.vein2vein.shipment.temperature.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.vein2vein.platform.json.JsonBounds;

/**
 * Instants as clients give them in readings and query parameters: as the rest of the API reads them. An
 * upload holds 10,000 of them, nearly always in UTC ({@code 2026-11-25T10:15:00Z}, with or without a
 * fraction): that form is read directly, at a fraction of the general parser's cost; any other form goes
 * through the general parser.
 */
final class IsoInstants {

    static final String RULE = "must be an ISO-8601 date-time with offset, e.g. 2026-11-25T09:30:00Z, "
            + JsonBounds.INSTANT_RANGE;
    /** Longer text is no instant, whatever it says: it is not parsed. */
    private static final int LONGEST_TEXT = 64;
    /** {@code yyyy-MM-ddTHH:mm:ss}: where the optional fraction starts. */
    private static final int SECONDS_END = 19;
    private static final int MOST_FRACTION_DIGITS = 9;

    private IsoInstants() {
    }

    static Optional<Instant> parse(String text) {
        if (text == null || text.length() > LONGEST_TEXT) {
            return Optional.empty();
        }
        Instant instant = utc(text);
        if (instant == null) {
            try {
                instant = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return instant.isBefore(JsonBounds.EARLIEST_INSTANT) || instant.isAfter(JsonBounds.LATEST_INSTANT)
                ? Optional.empty() : Optional.of(instant);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for any other text, which the general parser then reads. */
    static Instant utc(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = fraction(text, SECONDS_END, length - 1);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || nanos < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the digits from {@code start} to {@code end} write, or −1 if a character is no digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Nanoseconds of an optional {@code .f{1,9}} from {@code start} to {@code end}; −1 if malformed. */
    private static int fraction(String text, int start, int end) {
        if (start == end) {
            return 0;
        }
        int count = end - start - 1;
        if (text.charAt(start) != '.' || count < 1 || count > MOST_FRACTION_DIGITS) {
            return -1;
        }
        int value = digits(text, start + 1, end);
        for (int i = count; i < MOST_FRACTION_DIGITS && value >= 0; i++) {
            value *= 10;
        }
        return value;
    }
}
