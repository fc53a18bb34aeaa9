package org.vein2vein.bench.simulator;

/**
 * What happens to a batch or dose between its shipping step and its receipt. Today the API knows
 * shipments only as the SHIPPED_TO_* and RECEIVED_AT_* steps, so nothing happens in between
 * ({@link #STAGE_STEPS_ONLY}). The extension point for shipments with handovers and temperature
 * logs (a reading per minute per logger, excursions at a configurable rate): an implementation that
 * posts them for the leg, through the API that will take them.
 */
@FunctionalInterface
public interface Transit {

    /** A leg of the journey: who carries what from where to where. */
    record Leg(String coi, String unitId, String from, String to, String courier, String temperatureClass) {
    }

    Transit STAGE_STEPS_ONLY = (api, leg) -> {
    };

    /** Called after the shipping step was recorded and before the receipt is logged. */
    void inTransit(ServiceClient api, Leg leg);
}
