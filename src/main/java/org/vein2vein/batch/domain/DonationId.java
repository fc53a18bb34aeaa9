package org.vein2vein.batch.domain;

import java.util.Objects;
import java.util.regex.Pattern;

import org.vein2vein.kernel.Mod37_2;

/**
 * The ISBT 128 Donation Identification Number (DIN) of one collection, as typed from a label: the
 * thirteen-character DIN followed by its keyboard entry check character, fourteen characters in
 * all, without spaces, e.g. {@code A9999211234563}.
 *
 * <p>The DIN (ISBT 128 Standard Technical Specification ST-001, Data Structure 001) is
 * {@code αppppyynnnnnn}:
 * <ul>
 * <li>{@code αpppp}, the Facility Identification Number (FIN) of the facility that assigned it. ST-001
 * allows {@code α} in {A–N, P–Z, 1–9} and the first two {@code p} in {A–N, P–Z, 0–9}, the last two
 * numeric; today's FINs are a letter and four digits, but ICCBBA reserves the rest for future
 * assignment and a DIN from such a facility must not be refused. The letter O is never used: it reads
 * as zero.</li>
 * <li>{@code yy}, the last two digits of the nominal year of assignment;</li>
 * <li>{@code nnnnnn}, the sequence number within that year for the facility.</li>
 * </ul>
 *
 * <p>The check character is ISO/IEC 7064 MOD 37-2 over those thirteen characters only (ST-001
 * Appendix A.1: "excluding the leading '=' symbol and the flag characters"), so it may be
 * {@code 0-9}, {@code A-Z} or {@code *}. It is printed boxed after the DIN and exists precisely to
 * catch typing errors, which is why it is required here.
 *
 * <p>Not accepted, on purpose: the eye-readable form with spaces ({@code A9999 21 123456 3}), the
 * bar code's data content ({@code =A99992112345601}: the flag characters are process-control marks,
 * not part of the DIN, and a bar code carries no check character) and lower case. One accepted
 * spelling keeps equality and the database's unique key honest; clients normalise before sending.
 */
public record DonationId(String value) {

    static final int DIN_LENGTH = 13;
    private static final Pattern FACILITY = Pattern.compile("[A-NP-Z1-9][A-NP-Z0-9]{2}[0-9]{2}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{2}");
    private static final Pattern SEQUENCE = Pattern.compile("[0-9]{6}");
    private static final Pattern CHECK = Pattern.compile("[0-9A-Z*]");

    public DonationId {
        Objects.requireNonNull(value, "value");
        if (value.length() != DIN_LENGTH + 1) {
            throw new InvalidDonationIdException(value, "a donation identification number is the 13-character DIN"
                    + " and its check character: 14 characters without spaces, e.g. " + example());
        }
        if (!FACILITY.matcher(value.substring(0, 5)).matches()) {
            throw new InvalidDonationIdException(value, "the facility identification number (characters 1 to 5)"
                    + " is not valid: it is written like A9999, in capital letters (never O) and digits");
        }
        if (!YEAR.matcher(value.substring(5, 7)).matches()) {
            throw new InvalidDonationIdException(value, "the year (characters 6 and 7) must be two digits");
        }
        if (!SEQUENCE.matcher(value.substring(7, DIN_LENGTH)).matches()) {
            throw new InvalidDonationIdException(value, "the sequence number (characters 8 to 13) must be six digits");
        }
        if (!CHECK.matcher(value.substring(DIN_LENGTH)).matches()) {
            throw new InvalidDonationIdException(value,
                    "the check character (character 14) must be a digit, a capital letter or '*'");
        }
        if (value.charAt(DIN_LENGTH) != Mod37_2.checkCharacter(value.substring(0, DIN_LENGTH))) {
            throw new InvalidDonationIdException(value, "the check character does not match: the number has a typo");
        }
    }

    /** Parses a donation identification number as typed, refusing malformed numbers and typos. */
    public static DonationId parse(String text) {
        if (text == null) {
            throw new InvalidDonationIdException("", "a donation identification number is required");
        }
        return new DonationId(text);
    }

    /** The thirteen-character DIN proper, without its check character. */
    public String din() {
        return value.substring(0, DIN_LENGTH);
    }

    /** The ICCBBA-registered facility that assigned the number. */
    public String facilityIdentificationNumber() {
        return value.substring(0, 5);
    }

    public char checkCharacter() {
        return value.charAt(DIN_LENGTH);
    }

    /** The example of ST-001 Figure 2: facility A9999, year 21, sequence 123456, check character 3. */
    static String example() {
        String din = "A999921123456";
        return din + Mod37_2.checkCharacter(din);
    }

    @Override
    public String toString() {
        return value;
    }
}
