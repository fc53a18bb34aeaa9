package org.vein2vein.platform.persistence;

/**
 * The commit of a write failed, so whether it was recorded is unknown: the database may have committed
 * before the connection was lost. Only the database can tell, when asked again.
 */
public class CommitOutcomeUnknownException extends RuntimeException {

    public CommitOutcomeUnknownException(Throwable cause) {
        super("The commit failed; the write may or may not have been recorded", cause);
    }
}
