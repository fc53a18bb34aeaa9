package org.vein2vein.shipment.application;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What follows when a shipment's temperature left its class: an event in the ledger of every batch
 * on board, the affected batches (or doses) on hold, and the excursion on both topics.
 */
public interface ExcursionRecorder {

    /**
     * Records an excursion found in a shipment's readings, in the caller's transaction, once: the
     * caller records each excursion only when it first finds it.
     *
     * @param extremeCelsius the reading furthest outside the class
     */
    void excursionDetected(String shipmentId, String loggerId, Instant from, Instant to, BigDecimal extremeCelsius);
}
