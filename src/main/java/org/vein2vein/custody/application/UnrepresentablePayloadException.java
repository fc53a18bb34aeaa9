package org.vein2vein.custody.application;

/** Event data that has no canonical form, so that its hash could not be recomputed from what is stored. */
public class UnrepresentablePayloadException extends RuntimeException {

    public UnrepresentablePayloadException(String reason) {
        super(reason);
    }
}
