package org.vein2vein.platform.ratelimit;

/**
 * Whom a request is counted against: the person and organisation of a verified token, or, for a
 * request without one, the address it came from.
 */
public record Client(String subject, String organisation, String address) {

    static Client caller(String subject, String organisation) {
        return new Client(subject, organisation, null);
    }

    static Client address(String address) {
        return new Client(null, null, address);
    }
}
