package org.vein2vein.shipment.temperature.application;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;

import org.vein2vein.shipment.application.ExcursionRecorder;

/**
 * Stands in for the shipment core's recorder until it is merged, which replaces this bean: the excursion is
 * recorded in {@code temperature_excursion} either way, and only its consequences wait.
 */
@DefaultBean
@ApplicationScoped
public class ExcursionsPendingCore implements ExcursionRecorder {

    @Override
    public void excursionDetected(String shipmentId, String loggerId, Instant from, Instant to,
            BigDecimal extremeCelsius) {
        Log.debugf("Excursion of shipment %s (logger %s, %s to %s) has no recorder of its consequences yet",
                shipmentId, loggerId, from, to);
    }
}
