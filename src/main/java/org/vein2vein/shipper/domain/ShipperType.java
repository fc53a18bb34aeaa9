package org.vein2vein.shipper.domain;

import org.vein2vein.product.domain.TemperatureClass;

/** What kind of container a shipper is, and so the one temperature class it is qualified to keep. */
public enum ShipperType {
    /** A liquid-nitrogen vapour dry shipper: cryopreserved product, at or below −150 °C. */
    DRY_SHIPPER(TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C),
    /** An insulated, conditioned box: fresh material, 2 to 8 °C. */
    COLD_BOX_2_8_C(TemperatureClass.FRESH_2_TO_8_C);

    private final TemperatureClass keeps;

    ShipperType(TemperatureClass keeps) {
        this.keeps = keeps;
    }

    /** Whether a shipment of this temperature class may travel in a shipper of this type. */
    public boolean fits(TemperatureClass temperatureClass) {
        return keeps == temperatureClass;
    }
}
