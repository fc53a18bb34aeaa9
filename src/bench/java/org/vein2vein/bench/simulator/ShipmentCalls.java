package org.vein2vein.bench.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipment API as the sites and couriers call it (docs/shipments.md): plan and pack at the
 * origin, handovers released by the party holding the shipment and accepted by the party it is
 * addressed to, receipt at the destination. Shipping and receiving stages are recorded only this way.
 * Each call answers as the service did; what the answer must be is the caller's to check.
 */
public final class ShipmentCalls {

    public static final String FRESH = "FRESH_2_TO_8_C";
    public static final String CRYO = "CRYO_AT_OR_BELOW_MINUS_150_C";

    private final ServiceClient api;

    public ShipmentCalls(ServiceClient api) {
        this.api = api;
    }

    /** What a shipment is to be: where from and to, who carries it, in what, and when it should arrive. */
    public record Plan(String origin, String destination, String courier, String shipperId, String temperatureClass,
            Instant plannedPickupAt, Instant plannedArrivalAt, List<String> unitIds) {
    }

    /** {@code POST /api/v1/shipments}, as a technician of the origin: 201 with the shipment's {@code id}. */
    public ServiceClient.Answer plan(String technician, Plan plan, String trackingNumber) {
        Map<String, Object> body = StageDataFactory.map("originSite", plan.origin(), "destinationSite",
                plan.destination(), "courier", plan.courier(), "shipperId", plan.shipperId(), "temperatureClass",
                plan.temperatureClass(), "plannedPickupAt", plan.plannedPickupAt().toString(), "plannedArrivalAt",
                plan.plannedArrivalAt().toString(), "unitIds", plan.unitIds());
        if (trackingNumber != null) {
            body.put("trackingNumber", trackingNumber);
        }
        return api.post("/api/v1/shipments", technician, body);
    }

    /** Packing, as a technician of the origin: records the shipping stage of every batch on board. */
    public ServiceClient.Answer pack(String technician, String shipmentId, Instant packedAt, Instant outOfStorageSince,
            String deviationReference) {
        Map<String, Object> body = StageDataFactory.map("packedAt", packedAt.toString(), "outOfStorageSince",
                outOfStorageSince.toString());
        if (deviationReference != null) {
            body.put("deviationReference", deviationReference);
        }
        return api.post(path(shipmentId) + "/packing", technician, body);
    }

    /** A release to a logistics organisation (the pickup's first half, or a transfer between couriers). */
    public ServiceClient.Answer releaseTo(String holder, String shipmentId, Instant at, String organisation,
            String place) {
        Map<String, Object> body = StageDataFactory.map("occurredAt", at.toString(), "toOrganisation", organisation);
        if (place != null) {
            body.put("place", place);
        }
        return api.post(path(shipmentId) + "/handovers", holder, body);
    }

    /** The release to the destination site: the delivery, which the destination accepts by receiving it. */
    public ServiceClient.Answer releaseToDestination(String courier, String shipmentId, Instant at) {
        return api.post(path(shipmentId) + "/handovers", courier,
                StageDataFactory.map("occurredAt", at.toString(), "toDestination", true));
    }

    /** The acceptance of handover {@code number} by the organisation it is addressed to. */
    public ServiceClient.Answer accept(String logistics, String shipmentId, int number, Instant at) {
        return api.post(path(shipmentId) + "/handovers/" + number + "/acceptance", logistics,
                StageDataFactory.map("occurredAt", at.toString(), "condition", "INTACT"));
    }

    /**
     * The receipt, as a technician of the destination.
     *
     * @param scans each unit received with the identity check of its label (scannedCoi, scannedUnitId, witness)
     */
    public ServiceClient.Answer receive(String technician, String shipmentId, Instant at, double temperatureC,
            Map<String, Map<String, Object>> scans, String deviationReference) {
        List<Map<String, Object>> units = new ArrayList<>();
        scans.forEach((unitId, check) -> units.add(StageDataFactory.map("unitId", unitId, "identityCheck", check)));
        Map<String, Object> body = StageDataFactory.map("occurredAt", at.toString(), "condition", "INTACT",
                "temperatureOnArrivalC", temperatureC, "units", units);
        if (deviationReference != null) {
            body.put("deviationReference", deviationReference);
        }
        return api.post(path(shipmentId) + "/receipt", technician, body);
    }

    /** Each unit scanned with the batch's COI and its own id, witnessed. */
    public static Map<String, Map<String, Object>> scans(String coi, List<String> unitIds, String witness) {
        Map<String, Map<String, Object>> scans = new LinkedHashMap<>();
        unitIds.forEach(unit -> scans.put(unit, StageDataFactory.map("scannedCoi", coi, "scannedUnitId", unit,
                "witness", witness)));
        return scans;
    }

    private static String path(String shipmentId) {
        return "/api/v1/shipments/" + shipmentId;
    }
}
