package org.vein2vein.testing;

import java.util.UUID;

/** Unique parts for pseudonymous references in tests. */
public final class References {

    private References() {
    }

    /**
     * Nine random characters with a letter in the middle and a digit at the end: a pseudonym must hold
     * a digit, and eight random hex digits in a row could read as a calendar date, which it may not.
     */
    public static String suffix() {
        String random = UUID.randomUUID().toString().toUpperCase();
        return random.substring(0, 4) + "K" + random.substring(4, 8) + "7";
    }
}
