package org.vein2vein.batch.application;

import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.TemperatureClass;

/** A shipment declared in another temperature class than the product keeps in that phase. */
public class TemperatureClassMismatchException extends RuntimeException {

    private final TemperatureClass declared;
    private final TemperatureClass required;

    public TemperatureClassMismatchException(Stage stage, TemperatureClass declared, TemperatureClass required) {
        super("the product travels " + required + " at " + stage + ", not " + declared);
        this.declared = declared;
        this.required = required;
    }

    public TemperatureClass declared() {
        return declared;
    }

    public TemperatureClass required() {
        return required;
    }
}
