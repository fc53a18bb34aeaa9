package org.vein2vein.product.domain;

/** The temperature range a phase keeps the product in. */
public enum TemperatureClass {
    /** Fresh, refrigerated: 2 to 8 °C. */
    FRESH_2_TO_8_C,
    /** Cryopreserved, liquid-nitrogen vapour phase: at or below −150 °C. */
    CRYO_AT_OR_BELOW_MINUS_150_C
}
