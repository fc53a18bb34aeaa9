package org.vein2vein.batch.application;

/** The client's If-Match named a ledger sequence that is no longer the batch's newest. */
public class StaleBatchException extends RuntimeException {

    private final long expected;
    private final long current;

    public StaleBatchException(long expected, long current) {
        super("the batch has changed since you read it: If-Match named ledger sequence " + expected
                + ", the batch is at " + current);
        this.expected = expected;
        this.current = current;
    }

    public long expected() {
        return expected;
    }

    public long current() {
        return current;
    }
}
