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
import org.vein2vein.testing.StageSamples;

/**
 * Batches brought through the API to their first expansion, on which the load then logs repeatable
 * EXPANDED steps: every batch starts in the same state, so the captured step's SQL fits each.
 */
final class LoadBatches {

    static final String COLLECTION = "SITE-LYON-01";
    static final String MANUFACTURING = "MFG-GENT-01";
    private static final List<String> PATH = List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING",
            "RECEIVED_AT_MANUFACTURING", "ACCEPTED", "GENE_MODIFIED", "EXPANDED");

    private LoadBatches() {
    }

    static List<String> prepare(ServiceClient api, String token, int count) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<String>> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(workers.submit(() -> prepareOne(api, token)));
        }
        List<String> cois = new ArrayList<>();
        for (Future<String> coi : made) {
            cois.add(coi.get());
        }
        workers.shutdown();
        return cois;
    }

    private static String prepareOne(ServiceClient api, String token) {
        String subject = "PSN-LOAD-" + (10 + (int) (Math.random() * 89));
        ServiceClient.Answer registered = api.post("/api/v1/batches", token, Map.of("type", "AUTOLOGOUS",
                "subjectReference", subject, "productCode", "CART-GD2-AUTO", "collectionSite", COLLECTION));
        require(registered, "registration");
        String coi = registered.body().path("coi").asText();
        for (String stage : PATH) {
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            require(api.logStep(token, coi, Map.of("stage", stage, "occurredAt", at.toString(), "site",
                    stage.equals("COLLECTED") || stage.equals("SHIPPED_TO_MANUFACTURING") ? COLLECTION : MANUFACTURING,
                    "data", StageSamples.of(coi, stage, at, subject))), stage);
        }
        return coi;
    }

    static void require(ServiceClient.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " answered " + answer.status() + " " + answer.body());
        }
    }
}
