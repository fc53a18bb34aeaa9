package org.vein2vein.kernel;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Chain of Identity identifier: the one name a therapy carries on every label, from the first
 * collection to the infusion.
 *
 * <p>Format: {@code V2V} + ten characters of {@code [0-9A-Z]} drawn at random + one ISO 7064
 * mod 37-2 check character ({@code [0-9A-Z*]}) computed over the thirteen before it, e.g.
 * {@code V2V7K3Q9P2XRTB}. Randomness (not a counter) keeps identifiers unguessable and free of
 * volume information; the database's unique key catches the rare collision.
 */
public record Coi(String value) {

    public static final String PREFIX = "V2V";
    static final int RANDOM_PART_LENGTH = 10;
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** The shape of a COI: the prefix, ten random characters and the check character. */
    public static final String SHAPE_PATTERN = "V2V[0-9A-Z]{10}[0-9A-Z*]";
    private static final Pattern SHAPE = Pattern.compile(SHAPE_PATTERN);
    private static final RandomGenerator RANDOM = new SecureRandom();

    public Coi {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidCoiException(value, "a COI is 'V2V', ten characters 0-9 or A-Z and a check character, e.g. "
                    + example());
        }
        char expected = Mod37_2.checkCharacter(value.substring(0, value.length() - 1));
        if (value.charAt(value.length() - 1) != expected) {
            throw new InvalidCoiException(value, "the check character does not match: the identifier has a typo");
        }
    }

    /** Parses a COI as typed or scanned, refusing malformed identifiers and typos. */
    public static Coi parse(String text) {
        if (text == null) {
            throw new InvalidCoiException("", "a COI is required");
        }
        return new Coi(text);
    }

    /** Draws a new random identifier with its check character. */
    public static Coi random() {
        StringBuilder body = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_PART_LENGTH; i++) {
            body.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return new Coi(body.toString() + Mod37_2.checkCharacter(body.toString()));
    }

    static String example() {
        String body = PREFIX + "7K3Q9P2XRT";
        return body + Mod37_2.checkCharacter(body);
    }

    @Override
    public String toString() {
        return value;
    }
}
