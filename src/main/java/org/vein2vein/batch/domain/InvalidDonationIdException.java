package org.vein2vein.batch.domain;

/**
 * A donation identification number that is malformed or whose check character reveals a typo.
 * The message names the part that is wrong and never repeats the text: a mistyped field may hold
 * anything, a name included, and messages reach clients and logs.
 */
public class InvalidDonationIdException extends RuntimeException {

    private final String rejectedValue;

    public InvalidDonationIdException(String rejectedValue, String reason) {
        super(reason);
        this.rejectedValue = rejectedValue;
    }

    /** The text exactly as it was given; the caller decides whether it may be shown. */
    public String rejectedValue() {
        return rejectedValue;
    }
}
