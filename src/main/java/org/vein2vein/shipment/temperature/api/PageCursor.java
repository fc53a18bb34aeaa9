package org.vein2vein.shipment.temperature.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vein2vein.kernel.Identifiers;
import org.vein2vein.shipment.temperature.domain.SeriesPosition;

/**
 * The position a page of readings or buckets ended at, as an opaque token the client sends back: the
 * microseconds since the epoch and the logger id, base64url-encoded. Anything that does not decode to that
 * shape is refused, so a cursor can only name a position.
 */
final class PageCursor {

    static final String RULE = "must be a nextCursor of an earlier answer";
    /** Longer than any cursor this class writes. */
    private static final int LONGEST_TEXT = 120;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern DECODED = Pattern.compile("([0-9]{1,17})~(" + Identifiers.REFERENCE + ")");

    private PageCursor() {
    }

    static String encode(SeriesPosition position) {
        String text = ChronoUnit.MICROS.between(Instant.EPOCH, position.at()) + "~" + position.loggerId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    static Optional<SeriesPosition> decode(String cursor) {
        if (cursor == null || cursor.length() > LONGEST_TEXT || !BASE64URL.matcher(cursor).matches()) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Matcher parts = DECODED.matcher(text);
        if (!parts.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SeriesPosition(Instant.EPOCH.plus(Long.parseLong(parts.group(1)), ChronoUnit.MICROS),
                parts.group(2)));
    }
}
