package org.vein2vein.kernel;

/**
 * ISO/IEC 7064 MOD 37-2, the pure check-character system that ISBT 128 uses: it detects every
 * single-character substitution and every transposition of adjacent characters.
 */
public final class Mod37_2 {

    private static final String CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";
    private static final int MODULUS = 37;

    private Mod37_2() {
    }

    /** The check character for {@code data}, which holds only 0-9 and A-Z. */
    public static char checkCharacter(String data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            int value = CHARSET.indexOf(data.charAt(i));
            if (value < 0 || value == MODULUS - 1) {
                throw new IllegalArgumentException("only 0-9 and A-Z carry a check character");
            }
            sum = ((sum + value) * 2) % MODULUS;
        }
        return CHARSET.charAt((MODULUS + 1 - sum) % MODULUS);
    }

}
