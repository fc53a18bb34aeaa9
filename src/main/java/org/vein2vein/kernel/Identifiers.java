package org.vein2vein.kernel;

import java.util.regex.Pattern;

/**
 * The shape of the identifiers clients give for subjects, sites and people: short pseudonymous
 * codes, no room for names or free text.
 */
public final class Identifiers {

    public static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9._:-]{2,63}";

    /**
     * A pseudonymous reference to a patient, donor or recipient, as the site's pseudonymisation
     * issues it: 3 to 64 letters, digits, '_', ':' or '-', with at least one digit, and no calendar
     * date in it (yyyy-mm-dd, yyyymmdd, dd-mm-yyyy, dd.mm.yyyy). The service cannot tell a
     * pseudonym from a name; the rule refuses the shapes a name or a birth date takes ("John Smith",
     * "Firstname.Lastname.1961-04-12") and the rest is the issuing site's duty. One regular expression,
     * valid in Java and ECMA-262, so the contract states exactly what is enforced.
     */
    public static final String PSEUDONYM = "(?=[^0-9]*[0-9])(?!.*(?:" + Dates.YEAR_FIRST + "|" + Dates.DAY_FIRST
            + "))[A-Za-z0-9][A-Za-z0-9_:-]{2,63}";

    /** A staff member's pseudonymous id (a witness): like a token's subject, never a name with dots or spaces. */
    public static final String STAFF_ID = "[A-Za-z0-9][A-Za-z0-9_:-]{2,63}";
    /**
     * A bag or dose: its own id, printed on its label, often the COI and a suffix (so the COI's
     * check character '*' may appear); unique across all batches.
     */
    public static final String UNIT_ID = "[A-Z0-9][A-Z0-9*-]{2,31}";
    private static final Pattern REFERENCE_PATTERN = Pattern.compile(REFERENCE);
    private static final Pattern PSEUDONYM_PATTERN = Pattern.compile(PSEUDONYM);

    private Identifiers() {
    }

    public static boolean isReference(String text) {
        return text != null && REFERENCE_PATTERN.matcher(text).matches();
    }

    public static boolean isPseudonym(String text) {
        return text != null && PSEUDONYM_PATTERN.matcher(text).matches();
    }

    /** Calendar dates as people write them, with or without separators. */
    private static final class Dates {
        private static final String SEPARATOR = "[-_:.]?";
        private static final String YEAR = "(?:19|20)[0-9]{2}";
        private static final String MONTH = "(?:0[1-9]|1[0-2])";
        private static final String DAY = "(?:0[1-9]|[12][0-9]|3[01])";
        static final String YEAR_FIRST = YEAR + SEPARATOR + MONTH + SEPARATOR + DAY;
        static final String DAY_FIRST = DAY + SEPARATOR + MONTH + SEPARATOR + YEAR;
    }
}
