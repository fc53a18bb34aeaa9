package org.vein2vein.site.application;

/** The client's If-Match named a version that is no longer the site's current one. */
public class StaleSiteException extends RuntimeException {

    private final long current;

    public StaleSiteException(long expected, long current) {
        super("the site has changed since you read it: If-Match named version " + (expected < 1 ? "(weak tag)"
                : Long.toString(expected)) + ", the site is at version " + current);
        this.current = current;
    }

    public long current() {
        return current;
    }
}
