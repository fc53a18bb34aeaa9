package org.vein2vein.batch.api;

import org.vein2vein.kernel.Identifiers;

/** The shapes of identifiers accepted from clients: short codes, no room for free text or PHI. */
public final class Patterns {

    public static final String REFERENCE = Identifiers.REFERENCE;
    public static final String REFERENCE_MESSAGE =
            "must be a pseudonymous identifier: 3 to 64 letters, digits, '.', '_', ':' or '-'";
    public static final String PSEUDONYM = Identifiers.PSEUDONYM;
    public static final String PSEUDONYM_MESSAGE = "must be a pseudonymous reference as the site issues it: 3 to 64 "
            + "letters, digits, '_', ':' or '-', with at least one digit and no calendar date; never a name or a "
            + "birth date";
    public static final String STAFF_ID = Identifiers.STAFF_ID;
    public static final String STAFF_ID_MESSAGE = "must be a pseudonymous staff id: 3 to 64 letters, digits, '_', "
            + "':' or '-'";
    static final String PRODUCT_CODE = "[A-Z0-9][A-Z0-9-]{1,31}";
    static final String PRODUCT_CODE_MESSAGE = "must be 2 to 32 upper-case letters, digits or '-'";

    private Patterns() {
    }
}
