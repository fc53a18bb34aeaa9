package org.vein2vein.batch.application;

/** Stage data that lacks what the stage needs, such as a shipment's destination. */
public class InvalidStepDataException extends RuntimeException {

    private final String field;

    public InvalidStepDataException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Where in the request, e.g. {@code data.destinationSite}. */
    public String field() {
        return field;
    }
}
