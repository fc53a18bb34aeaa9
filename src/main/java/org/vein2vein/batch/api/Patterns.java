package org.vein2vein.batch.api;

import org.vein2vein.batch.domain.Identifiers;

/** The shapes of identifiers accepted from clients: short codes, no room for free text or PHI. */
public final class Patterns {

    public static final String REFERENCE = Identifiers.REFERENCE;
    public static final String REFERENCE_MESSAGE =
            "must be a pseudonymous identifier: 3 to 64 letters, digits, '.', '_', ':' or '-'";
    static final String PRODUCT_CODE = "[A-Z0-9][A-Z0-9-]{1,31}";
    static final String PRODUCT_CODE_MESSAGE = "must be 2 to 32 upper-case letters, digits or '-'";

    private Patterns() {
    }
}
