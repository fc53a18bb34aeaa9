package org.vein2vein.shipment.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A shipment arrives in its temperature class. One that does not is received only under a
 * documented deviation, which the receipt records; otherwise it is refused and stays delivered.
 */
public final class ArrivalTemperatureWithinClass {

    private ArrivalTemperatureWithinClass() {
    }

    /**
     * @return whether the arrival is outside the class and accepted under the deviation
     * @throws ShipmentRefusedException when outside the class without a deviation reference
     */
    public static boolean check(Shipment shipment, BigDecimal arrivalCelsius, Optional<String> deviationReference) {
        if (shipment.temperatureClass().admits(arrivalCelsius)) {
            return false;
        }
        if (deviationReference.isPresent()) {
            return true;
        }
        throw new ShipmentRefusedException(ShipmentRefusal.of(ShipmentRefusal.Kind.ARRIVAL_TEMPERATURE_OUT_OF_RANGE,
                "Shipment " + shipment.id() + " arrived at " + arrivalCelsius.toPlainString() + " °C, outside its class "
                        + shipment.temperatureClass() + " (" + shipment.temperatureClass().range() + "): it is received "
                        + "only with a deviationReference, which the receipt records.")
                .with("temperatureOnArrivalC", arrivalCelsius).with("temperatureClass", shipment.temperatureClass()));
    }
}
