package org.vein2vein.platform.embedded;

/**
 * The zero-setup start cannot go on for a reason the person starting it can fix; the message says
 * what holds the way and what to change, so it is shown without a stack trace.
 */
final class EmbeddedStartRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EmbeddedStartRefused(String message) {
        super(message);
    }
}
