package org.vein2vein.batch.api.stagedata;

import org.vein2vein.batch.api.Patterns;
import org.vein2vein.kernel.Identifiers;

/** Shapes of the codes stage data carries: short identifiers, never free text that could hold PHI. */
final class Fields {

    static final String REFERENCE = Patterns.REFERENCE;
    static final String REFERENCE_MESSAGE = Patterns.REFERENCE_MESSAGE;
    static final String PSEUDONYM = Patterns.PSEUDONYM;
    static final String PSEUDONYM_MESSAGE = Patterns.PSEUDONYM_MESSAGE;
    static final String STAFF_ID = Patterns.STAFF_ID;
    static final String STAFF_ID_MESSAGE = Patterns.STAFF_ID_MESSAGE;
    static final String UNIT_ID = Identifiers.UNIT_ID;
    static final String UNIT_ID_MESSAGE = "must be a unit id: 3 to 32 upper-case letters, digits, '*' or '-'";
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";
    static final String CODE_MESSAGE = "must be a code: 1 to 64 letters, digits, '.', '_', '/' or '-'";

    private Fields() {
    }
}
