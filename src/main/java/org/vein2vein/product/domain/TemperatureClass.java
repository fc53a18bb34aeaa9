package org.vein2vein.product.domain;

import java.math.BigDecimal;

/** The temperature range a phase keeps the product in. */
public enum TemperatureClass {
    /** Fresh, refrigerated: 2 to 8 °C. */
    FRESH_2_TO_8_C,
    /** Cryopreserved, liquid-nitrogen vapour phase: at or below −150 °C. */
    CRYO_AT_OR_BELOW_MINUS_150_C;

    private static final BigDecimal TWO = new BigDecimal("2");
    private static final BigDecimal EIGHT = new BigDecimal("8");
    private static final BigDecimal MINUS_150 = new BigDecimal("-150");

    /** Whether a reading in °C is inside the class, bounds included. */
    public boolean admits(BigDecimal celsius) {
        return switch (this) {
            case FRESH_2_TO_8_C -> celsius.compareTo(TWO) >= 0 && celsius.compareTo(EIGHT) <= 0;
            case CRYO_AT_OR_BELOW_MINUS_150_C -> celsius.compareTo(MINUS_150) <= 0;
        };
    }

    /** The class's range in words, for a problem's detail. */
    public String range() {
        return switch (this) {
            case FRESH_2_TO_8_C -> "2 to 8 °C";
            case CRYO_AT_OR_BELOW_MINUS_150_C -> "at or below -150 °C";
        };
    }
}
