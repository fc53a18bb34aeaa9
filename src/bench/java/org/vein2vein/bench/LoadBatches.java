package org.vein2vein.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.vein2vein.bench.simulator.ServiceClient;
import org.vein2vein.bench.simulator.ShipmentCalls;
import org.vein2vein.bench.simulator.TokenMint;
import org.vein2vein.testing.StageSamples;

/**
 * Batches brought through the API to their first expansion at manufacturing, on which the load then
 * logs repeatable EXPANDED steps: every batch starts in the same state, so the captured step's SQL
 * fits each. The collected material travels as it must (docs/shipments.md): a shipment planned and
 * packed at the collection site, picked up and delivered by the courier, received at manufacturing;
 * the steps after it are logged there, where the material is, so none meets a site rule's refusal.
 */
final class LoadBatches {

    static final String COLLECTION = "SITE-LYON-01";
    static final String MANUFACTURING = "MFG-GENT-01";
    /** The demo courier (the dev token {@code logistics} acts for it) and the demo 2-8 °C box. */
    static final String COURIER = "CRYO-COURIER-1";
    static final String COLD_BOX = "CB-0042";
    private static final List<String> AT_MANUFACTURING = List.of("ACCEPTED", "GENE_MODIFIED", "EXPANDED");

    private final ServiceClient api;
    private final ShipmentCalls shipments;
    private final String technician;
    private final String courier;

    /**
     * @param technician a technician of both {@link #COLLECTION} and {@link #MANUFACTURING}
     */
    LoadBatches(ServiceClient api, TokenMint tokens, String technician) {
        this.api = api;
        this.shipments = new ShipmentCalls(api);
        this.technician = technician;
        this.courier = tokens.logistics(COURIER);
    }

    /** {@code count} batches at their first expansion, made four at a time. */
    List<String> prepare(int count) throws Exception {
        return inParallel(count, this::prepareOne);
    }

    /** {@code count} batches collected, their material on a packed shipment that the courier picked up. */
    List<Collected> collectedAndPickedUp(int count) throws Exception {
        return inParallel(count, () -> {
            Collected collected = collect();
            pickUp(collected.shipmentId());
            return collected;
        });
    }

    /** A batch collected at {@link #COLLECTION}, its material packed on a shipment to {@link #MANUFACTURING}. */
    record Collected(String coi, String donationId, String shipmentId, Instant packedAt) {
    }

    private String prepareOne() {
        Collected collected = collect();
        pickUp(collected.shipmentId());
        require(shipments.releaseToDestination(courier, collected.shipmentId(), now()), "delivery");
        require(shipments.receive(technician, collected.shipmentId(), now(), 4.2,
                ShipmentCalls.scans(collected.coi(), List.of(collected.donationId()), StageSamples.WITNESS), null),
                "receipt");
        for (String stage : AT_MANUFACTURING) {
            step(collected.coi(), stage, MANUFACTURING, StageSamples.of(collected.coi(), stage, now(), null));
        }
        return collected.coi();
    }

    private Collected collect() {
        String subject = "PSN-LOAD-" + (10 + (int) (Math.random() * 89));
        ServiceClient.Answer registered = api.post("/api/v1/batches", technician, Map.of("type", "AUTOLOGOUS",
                "subjectReference", subject, "productCode", "CART-GD2-AUTO", "collectionSite", COLLECTION));
        require(registered, "registration");
        String coi = registered.body().path("coi").asText();
        Map<String, Object> collection = StageSamples.of(coi, "COLLECTED", now(), subject);
        step(coi, "COLLECTED", COLLECTION, collection);
        String donationId = (String) collection.get("donationId");
        Instant planned = now();
        ServiceClient.Answer plan = shipments.plan(technician, new ShipmentCalls.Plan(COLLECTION, MANUFACTURING,
                COURIER, COLD_BOX, ShipmentCalls.FRESH, planned.plus(10, ChronoUnit.MINUTES),
                planned.plus(6, ChronoUnit.HOURS), List.of(donationId)), null);
        require(plan, "shipment plan");
        String shipmentId = plan.body().path("id").asText();
        Instant packedAt = now();
        require(shipments.pack(technician, shipmentId, packedAt, packedAt.minus(5, ChronoUnit.MINUTES), null),
                "packing");
        return new Collected(coi, donationId, shipmentId, packedAt);
    }

    /** The collection site hands the shipment to the courier, who accepts it. */
    private void pickUp(String shipmentId) {
        require(shipments.releaseTo(technician, shipmentId, now(), COURIER, null), "release to the courier");
        require(shipments.accept(courier, shipmentId, 1, now()), "pickup");
    }

    private void step(String coi, String stage, String site, Map<String, Object> data) {
        require(api.logStep(technician, coi, Map.of("stage", stage, "occurredAt", now().toString(), "site", site,
                "data", data)), stage);
    }

    private static <T> List<T> inParallel(int count, java.util.concurrent.Callable<T> one) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<T>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                made.add(workers.submit(one));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : made) {
                results.add(result.get());
            }
            return results;
        } finally {
            workers.shutdown();
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static void require(ServiceClient.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " answered " + answer.status() + " " + answer.body());
        }
    }
}
