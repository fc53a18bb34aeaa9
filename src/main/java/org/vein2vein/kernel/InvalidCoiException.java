package org.vein2vein.kernel;

/** A COI that is malformed or whose check character reveals a typo. */
public class InvalidCoiException extends RuntimeException {

    private final String rejectedValue;

    public InvalidCoiException(String rejectedValue, String reason) {
        super(reason);
        this.rejectedValue = rejectedValue;
    }

    public String rejectedValue() {
        return rejectedValue;
    }
}
