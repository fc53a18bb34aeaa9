package org.vein2vein.bench.simulator;

import static org.vein2vein.bench.simulator.StageDataFactory.list;
import static org.vein2vein.bench.simulator.StageDataFactory.map;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;

import org.vein2vein.bench.simulator.Scenario.Failure;
import org.vein2vein.bench.simulator.ServiceClient.Answer;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;

/**
 * One simulated batch, from registration to where its scenario ends, through the public API, with
 * the people of each site logging what happens there. Every answer is checked against what the
 * scenario expects, and at the end the batch's stage and its ledger (verified, event count).
 */
public final class Journey {

    private static final String PROBLEM = "urn:vein2vein:problem:";

    /** How the journey went: conformant when {@code deviations} is empty. */
    public record Outcome(Scenario scenario, String coi, int requests, List<String> deviations) {
        public boolean conformant() {
            return deviations.isEmpty();
        }
    }

    /** Where this journey happens. */
    record Sites(String collection, String manufacturing, List<String> treatment) {
    }

    private final Scenario scenario;
    private final Sites sites;
    private final ServiceClient api;
    private final TokenMint tokens;
    private final RandomGenerator random;
    private final StageDataFactory data;
    private final List<String> deviations = new ArrayList<>();
    private String coi;
    private int requests;
    private long events;

    Journey(Scenario scenario, Sites sites, ServiceClient api, TokenMint tokens, RandomGenerator random) {
        this.scenario = scenario;
        this.sites = sites;
        this.api = api;
        this.tokens = tokens;
        this.random = random;
        this.data = new StageDataFactory(random);
    }

    Outcome run() {
        try {
            String subject = (scenario.type() == BatchType.AUTOLOGOUS ? "PSN-" : "DNR-") + pseudonym();
            boolean autologous = scenario.type() == BatchType.AUTOLOGOUS;
            Answer registered = api.post("/api/v1/batches", tokens.technicianAt(sites.collection()),
                    map("type", scenario.type().name(), "subjectReference", subject, "productCode",
                            autologous ? "CART-GD2-AUTO" : "CART-B7H3-ALLO", "collectionSite", sites.collection()));
            requests++;
            if (registered.status() != 201) {
                deviations.add("registration answered " + registered.status() + " " + registered.body());
                return outcome();
            }
            coi = registered.body().path("coi").asText();
            events = 1;
            String expected = autologous ? autologous(subject) : allogeneic();
            if (deviations.isEmpty()) {
                check(expected);
            }
        } catch (RuntimeException e) {
            deviations.add("failed: " + e);
        }
        return outcome();
    }

    private String autologous(String patient) {
        String collection = sites.collection();
        String mfg = sites.manufacturing();
        String bag = coi + "-01";
        if (!manufacture(false, List.of(bag))) {
            return scenario.failure() == Failure.QC_OUT_OF_SPEC ? "DESTROYED" : "QUARANTINED";
        }
        if (!ok(mfg, "STORED", data.storage(list(bag)), null)) {
            return "";
        }
        deliver(mfg, collection, bag);
        if (scenario.failure() == Failure.WRONG_PATIENT) {
            refused(collection, "INFUSED", infusion(bag, "patientReference", "PSN-" + pseudonym()), "identity-mismatch", 2);
            return "QUARANTINED";
        }
        ok(collection, "INFUSED", infusion(bag, "patientReference", patient), null);
        return "INFUSED";
    }

    private String allogeneic() {
        String mfg = sites.manufacturing();
        List<String> doses = List.of(coi + "-D01", coi + "-D02", coi + "-D03");
        if (!manufacture(true, doses)) {
            return scenario.failure() == Failure.QC_OUT_OF_SPEC ? "DESTROYED" : "QUARANTINED";
        }
        if (!ok(mfg, "STORED", data.storage(new ArrayList<>(doses)), null)) {
            return "";
        }
        int given = 1 + random.nextInt(2);
        for (int i = 0; i < given; i++) {
            String dose = doses.get(i);
            String recipient = "RCP-" + pseudonym();
            String site = sites.treatment().get(random.nextInt(sites.treatment().size()));
            ok(mfg, "ALLOCATED", map("unitId", dose, "recipientReference", recipient), null);
            deliver(mfg, site, dose);
            if (scenario.failure() == Failure.WRONG_PATIENT && i == 0) {
                refused(site, "INFUSED", infusion(dose, "recipientReference", "RCP-" + pseudonym()),
                        "identity-mismatch", 2);
                continue;
            }
            ok(site, "INFUSED", infusion(dose, "recipientReference", recipient), null);
        }
        return "STORED";
    }

    /** Collection to QC; false when the scenario's failure ended the journey there. */
    private boolean manufacture(boolean allogeneic, List<String> units) {
        String collection = sites.collection();
        String mfg = sites.manufacturing();
        int collections = allogeneic ? 1 + random.nextInt(2) : 1;
        for (int i = 0; i < collections; i++) {
            ok(collection, "COLLECTED", data.collection(now()), null);
        }
        ok(collection, "SHIPPED_TO_MANUFACTURING", data.shipment(mfg, "FRESH_2_TO_8_C"), null);
        if (scenario.failure() == Failure.IDENTITY_MISMATCH_AT_RECEIPT) {
            refused(mfg, "RECEIVED_AT_MANUFACTURING", data.receipt(otherCoi(), witness(mfg), List.of(), true),
                    "identity-mismatch", 2);
            return false;
        }
        ok(mfg, "RECEIVED_AT_MANUFACTURING", data.receipt(coi, witness(mfg), List.of(), true), null);
        ok(mfg, "ACCEPTED", map("condition", "INTACT"), null);
        ok(mfg, "GENE_MODIFIED", data.geneModification(allogeneic), null);
        int expansions = 2 + random.nextInt(4);
        for (int day = 1; day <= expansions; day++) {
            ok(mfg, "EXPANDED", data.expansion(day * 2), null);
        }
        Map<String, Object> check = map("scannedCoi", coi, "witness", witness(mfg));
        if (allogeneic) {
            ok(mfg, "FORMULATED", map("identityCheck", check, "units",
                    List.of(data.labelledUnit(coi + "-B01", 150, 900_000_000L))), null);
            ok(mfg, "SPLIT", map("doses", units.stream()
                    .map(dose -> data.labelledUnit(dose, 50, 300_000_000L)).toList()), null);
        } else {
            ok(mfg, "FORMULATED", map("identityCheck", check, "units",
                    List.of(data.labelledUnit(units.get(0), 70, 300_000_000L))), null);
        }
        ok(mfg, "CRYOPRESERVED", map("freezerRun", "CRF-%04d".formatted(random.nextInt(10_000)),
                "unitIds", units), null);
        boolean inSpecification = scenario.failure() != Failure.QC_OUT_OF_SPEC;
        ok(mfg, "QC_TESTED", map("results", data.qcResults(inSpecification)), null);
        if (!inSpecification) {
            refused(mfg, "RELEASED", map(), "release-specification-not-met", 0);
            ok(mfg, "OUT_OF_SPEC", map(), null);
            ok(mfg, "DESTROYED", map("reason", "OUT_OF_SPECIFICATION", "qualityRecord", "DEV-2026-%04d"
                    .formatted(random.nextInt(10_000))), null);
            return false;
        }
        ok(mfg, "RELEASED", map(), null);
        return deviations.isEmpty();
    }

    /** From storage at manufacturing to thawed at the treatment site. */
    private void deliver(String mfg, String site, String unit) {
        boolean late = scenario.failure() == Failure.MISSED_PACKING_WINDOW;
        Instant packedSince = now().minus(late ? 50 : 5 + random.nextInt(10), ChronoUnit.MINUTES);
        Map<String, Object> shipment = data.shipmentToSite(site, list(unit), packedSince);
        if (late) {
            refused(mfg, "SHIPPED_TO_SITE", shipment, "time-window-missed", 1);
            ok(mfg, "SHIPPED_TO_SITE", shipment, "DEV-2026-%04d".formatted(random.nextInt(10_000)));
        } else {
            ok(mfg, "SHIPPED_TO_SITE", shipment, null);
        }
        ok(site, "RECEIVED_AT_SITE", data.receipt(coi, witness(site), list(unit), false), null);
        ok(site, "THAWED", map("unitId", unit, "identityCheck", data.unitCheck(coi, unit, witness(site)),
                "thawTemperatureC", 37), null);
    }

    private Map<String, Object> infusion(String unit, String referenceField, String reference) {
        Map<String, Object> check = data.unitCheck(coi, unit, witness("bedside"));
        check.put(referenceField, reference);
        return map("unitId", unit, "identityCheck", check);
    }

    private boolean ok(String site, String stage, Map<String, Object> stageData, String deviation) {
        return expect(site, stage, stageData, deviation, 201, null, 1);
    }

    private void refused(String site, String stage, Map<String, Object> stageData, String problem, int recorded) {
        expect(site, stage, stageData, null, 409, problem, recorded);
    }

    private boolean expect(String site, String stage, Map<String, Object> stageData, String deviation, int status,
            String problem, int recorded) {
        if (!deviations.isEmpty()) {
            return false;
        }
        Map<String, Object> step = map("stage", stage, "occurredAt", now().toString(), "site", site, "data", stageData);
        if (deviation != null) {
            step.put("deviationReference", deviation);
        }
        Answer answer = api.logStep(tokens.technicianAt(site), coi, step);
        requests++;
        if (answer.status() != status || (problem != null && !answer.problemType().equals(PROBLEM + problem))) {
            deviations.add(stage + " answered " + answer.status() + " " + answer.body() + ", expected " + status
                    + (problem == null ? "" : " " + problem));
            return false;
        }
        events += recorded;
        return true;
    }

    /** The batch ends where the scenario says, and its ledger holds every event, intact. */
    private void check(String expectedStage) {
        String qa = tokens.qa();
        JsonNode batch = api.get("/api/v1/batches/" + coi, qa).body();
        if (!batch.path("stage").asText().equals(expectedStage)) {
            deviations.add("ended at " + batch.path("stage").asText() + ", expected " + expectedStage);
        }
        JsonNode history = api.get("/api/v1/batches/" + coi + "/custody?limit=1", qa).body();
        requests += 2;
        if (!history.path("verification").path("intact").asBoolean(false)) {
            deviations.add("ledger not intact: " + history.path("verification"));
        }
        if (history.path("totalEvents").asLong() != events) {
            deviations.add("ledger holds " + history.path("totalEvents").asLong() + " events, expected " + events);
        }
    }

    private Outcome outcome() {
        return new Outcome(scenario, coi, requests, List.copyOf(deviations));
    }

    private String otherCoi() {
        String other = Coi.random().value();
        return other.equals(coi) ? otherCoi() : other;
    }

    private String witness(String site) {
        return "sim-witness-" + site.toLowerCase();
    }

    private String pseudonym() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            code.append(letters.charAt(random.nextInt(letters.length())));
        }
        return code + "-" + (10 + random.nextInt(90)) + random.nextInt(10);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
