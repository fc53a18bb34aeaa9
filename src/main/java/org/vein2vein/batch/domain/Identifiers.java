package org.vein2vein.batch.domain;

import java.util.regex.Pattern;

/**
 * The shape of the identifiers clients give for subjects, sites and people: short pseudonymous
 * codes, no room for names or free text.
 */
public final class Identifiers {

    public static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9._:-]{2,63}";
    /**
     * A bag or dose: its own id, printed on its label, often the COI and a suffix (so the COI's
     * check character '*' may appear); unique across all batches.
     */
    public static final String UNIT_ID = "[A-Z0-9][A-Z0-9*-]{2,31}";
    private static final Pattern REFERENCE_PATTERN = Pattern.compile(REFERENCE);

    private Identifiers() {
    }

    public static boolean isReference(String text) {
        return text != null && REFERENCE_PATTERN.matcher(text).matches();
    }
}
