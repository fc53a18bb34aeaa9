package org.vein2vein.bench.simulator;

import static org.vein2vein.bench.simulator.StageDataFactory.list;
import static org.vein2vein.bench.simulator.StageDataFactory.map;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;

import org.vein2vein.bench.simulator.Scenario.Failure;
import org.vein2vein.bench.simulator.Scenario.UnsafeMove;
import org.vein2vein.bench.simulator.ServiceClient.Answer;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;

/**
 * One simulated batch, from registration to where its scenario ends, through the public API, with
 * the people of each site logging what happens there, where the units are: material and products
 * travel only on shipments (planned and packed at the origin, handed to a courier, sometimes on to a
 * second one along the way, delivered and received at the destination). Every answer is checked
 * against what the scenario expects, the unsafe moves it attempts must be refused as named with
 * nothing recorded, and at the end the batch's stage and its ledger (verified, event count).
 */
public final class Journey {

    private static final String PROBLEM = "urn:vein2vein:problem:";

    /**
     * How the journey went: conformant when {@code deviations} is empty.
     *
     * @param refusedAsExpected the unsafe moves attempted, each refused as expected (a move answered otherwise
     *                          is a deviation)
     */
    public record Outcome(Scenario scenario, String coi, int requests, List<String> deviations,
            List<UnsafeMove> refusedAsExpected) {
        public boolean conformant() {
            return deviations.isEmpty();
        }
    }

    /**
     * Where this journey happens.
     *
     * @param treatment an autologous batch's treatment site (one), or the sites an allogeneic lot's recipients are at
     */
    record Sites(String collection, String manufacturing, List<String> treatment) {
    }

    private final Scenario scenario;
    private final Sites sites;
    private final ServiceClient api;
    private final ShipmentCalls shipments;
    private final TokenMint tokens;
    private final RandomGenerator random;
    private final StageDataFactory data;
    private final List<String> deviations = new ArrayList<>();
    private final List<UnsafeMove> refused = new ArrayList<>();
    /** The batch's collected material, by donation id. */
    private final List<String> material = new ArrayList<>();
    private String coi;
    private int requests;
    private long events;

    Journey(Scenario scenario, Sites sites, ServiceClient api, TokenMint tokens, RandomGenerator random) {
        this.scenario = scenario;
        this.sites = sites;
        this.api = api;
        this.shipments = new ShipmentCalls(api);
        this.tokens = tokens;
        this.random = random;
        this.data = new StageDataFactory(random);
    }

    Outcome run() {
        try {
            boolean autologous = scenario.type() == BatchType.AUTOLOGOUS;
            String subject = (autologous ? "PSN-" : "DNR-") + pseudonym();
            Map<String, Object> registration = map("type", scenario.type().name(), "subjectReference", subject,
                    "productCode", autologous ? "CART-GD2-AUTO" : "CART-B7H3-ALLO", "collectionSite",
                    sites.collection());
            if (autologous && !sites.treatment().get(0).equals(sites.collection())) {
                // Collected at an apheresis centre, treated at a hospital: the bag returns to the hospital.
                registration.put("treatmentSite", sites.treatment().get(0));
            }
            Answer registered = api.post("/api/v1/batches", tokens.technicianAt(sites.collection()), registration);
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
        String mfg = sites.manufacturing();
        String hospital = sites.treatment().get(0);
        String bag = coi + "-01";
        if (!manufacture(false, List.of(bag))) {
            return scenario.failure() == Failure.QC_OUT_OF_SPEC ? "DESTROYED" : "QUARANTINED";
        }
        if (!ok(mfg, "STORED", data.storage(list(bag)), null)) {
            return "";
        }
        if (!deliver(mfg, hospital, List.of(bag))) {
            return "";
        }
        if (scenario.failure() == Failure.WRONG_PATIENT) {
            refused(hospital, "INFUSED", infusion(bag, "patientReference", "PSN-" + pseudonym()), "identity-mismatch",
                    2);
            return "QUARANTINED";
        }
        ok(hospital, "INFUSED", infusion(bag, "patientReference", patient), null);
        return "INFUSED";
    }

    /** A lot's doses allocated to recipients at several hospitals, shipped together where they go to one. */
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
        Map<String, String> recipients = new LinkedHashMap<>();
        Map<String, List<String>> bySite = new TreeMap<>();
        for (int i = 0; i < given; i++) {
            String dose = doses.get(i);
            String recipient = "RCP-" + pseudonym();
            String site = sites.treatment().get(random.nextInt(sites.treatment().size()));
            recipients.put(dose, recipient);
            bySite.computeIfAbsent(site, key -> new ArrayList<>()).add(dose);
            ok(mfg, "ALLOCATED", data.allocation(dose, recipient, site), null);
        }
        boolean first = true;
        for (Map.Entry<String, List<String>> shipment : bySite.entrySet()) {
            String site = shipment.getKey();
            if (!deliver(mfg, site, shipment.getValue())) {
                return "";
            }
            for (String dose : shipment.getValue()) {
                if (scenario.failure() == Failure.WRONG_PATIENT && first) {
                    refused(site, "INFUSED", infusion(dose, "recipientReference", "RCP-" + pseudonym()),
                            "identity-mismatch", 2);
                } else {
                    ok(site, "INFUSED", infusion(dose, "recipientReference", recipients.get(dose)), null);
                }
                first = false;
            }
        }
        return "STORED";
    }

    /** Collection to QC; false when the scenario's failure ended the journey there. */
    private boolean manufacture(boolean allogeneic, List<String> units) {
        String collection = sites.collection();
        String mfg = sites.manufacturing();
        int collections = allogeneic ? 1 + random.nextInt(2) : 1;
        for (int i = 0; i < collections; i++) {
            Map<String, Object> collected = data.collection(now());
            if (ok(collection, "COLLECTED", collected, null)) {
                material.add((String) collected.get("donationId"));
            }
        }
        if (attempts(UnsafeMove.SHIPPING_STAGE_AS_A_STEP)) {
            unsafe(UnsafeMove.SHIPPING_STAGE_AS_A_STEP, () -> step(collection, "SHIPPED_TO_MANUFACTURING",
                    map("destinationSite", mfg, "courier", data.courier(), "containerId", data.shipper(
                            ShipmentCalls.FRESH), "temperatureClass", ShipmentCalls.FRESH), null));
        }
        boolean mismatch = scenario.failure() == Failure.IDENTITY_MISMATCH_AT_RECEIPT;
        if (!ship(collection, mfg, ShipmentCalls.FRESH, material, false, mismatch)) {
            return false;
        }
        if (mismatch) {
            return false;
        }
        ok(mfg, "ACCEPTED", map("condition", "INTACT"), null);
        ok(mfg, "GENE_MODIFIED", data.geneModification(allogeneic), null);
        if (attempts(UnsafeMove.STEP_WHERE_THE_MATERIAL_IS_NOT)) {
            unsafe(UnsafeMove.STEP_WHERE_THE_MATERIAL_IS_NOT, () -> step(collection, "EXPANDED", data.expansion(2),
                    null));
        }
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

    /** Product units from storage at manufacturing to the treatment site, received and thawed there. */
    private boolean deliver(String mfg, String site, List<String> units) {
        if (!ship(mfg, site, ShipmentCalls.CRYO, units, scenario.failure() == Failure.MISSED_PACKING_WINDOW, false)) {
            return false;
        }
        if (attempts(UnsafeMove.THAW_WHERE_THE_UNIT_IS_NOT)) {
            // The unit is at the hospital now: a thaw logged at manufacturing handles a unit that is not there.
            String unit = units.get(0);
            unsafe(UnsafeMove.THAW_WHERE_THE_UNIT_IS_NOT, () -> step(mfg, "THAWED", map("unitId", unit,
                    "identityCheck", data.unitCheck(coi, unit, witness(mfg)), "thawTemperatureC", 37), null));
        }
        for (String unit : units) {
            ok(site, "THAWED", map("unitId", unit, "identityCheck", data.unitCheck(coi, unit, witness(site)),
                    "thawTemperatureC", 37), null);
        }
        return deviations.isEmpty();
    }

    /**
     * One shipment of the batch's units, all the way: planned and packed by a technician of the origin
     * (packing records the shipping stage of each step unit: the batch's, or each dose's), handed to the
     * courier, sometimes passed on to a second courier along the way, delivered and received at the
     * destination (the receiving stage of each step unit).
     *
     * @param late       packed too long out of storage: refused and kept on record, then accepted under a deviation
     * @param mismatch   the wrong COI is scanned on receipt: refused, kept on record, and the batch held
     * @return false when the journey cannot go on
     */
    private boolean ship(String origin, String destination, String temperatureClass, List<String> units, boolean late,
            boolean mismatch) {
        if (!deviations.isEmpty()) {
            return false;
        }
        // Each dose of a lot is a step of its own; the units of a batch otherwise one step together.
        int steps = units.get(0).startsWith(coi + "-D") ? units.size() : 1;
        String originTechnician = tokens.technicianAt(origin);
        String courier = data.courier();
        Instant now = now();
        ShipmentCalls.Plan plan = new ShipmentCalls.Plan(origin, destination, courier,
                data.shipper(temperatureClass), temperatureClass, now.plus(10 + random.nextInt(50), ChronoUnit.MINUTES),
                data.plannedArrival(now, temperatureClass), List.copyOf(units));
        Answer planned = call("plan shipment", () -> shipments.plan(originTechnician, plan, data.trackingNumber()),
                201, null, 0);
        if (planned == null) {
            return false;
        }
        String id = planned.body().path("id").asText();
        if (late) {
            Instant packedAt = now();
            if (call("pack " + id, () -> shipments.pack(originTechnician, id, packedAt,
                    packedAt.minus(50, ChronoUnit.MINUTES), null), 409, "time-window-missed", 1) == null) {
                return false;
            }
            Instant again = now();
            if (call("pack " + id + " under a deviation", () -> shipments.pack(originTechnician, id, again,
                    again.minus(50, ChronoUnit.MINUTES), "DEV-2026-%04d".formatted(random.nextInt(10_000))),
                    200, null, steps) == null) {
                return false;
            }
        } else {
            Instant packedAt = now();
            if (call("pack " + id, () -> shipments.pack(originTechnician, id, packedAt,
                    packedAt.minus(3 + random.nextInt(12), ChronoUnit.MINUTES), null), 200, null, steps) == null) {
                return false;
            }
        }
        // The pickup: the origin releases it to the courier, who accepts it.
        String holder = courier;
        call("release " + id + " to " + courier, () -> shipments.releaseTo(originTechnician, id, now(), courier,
                null), 201, null, 1);
        call("pickup of " + id, () -> shipments.accept(tokens.logistics(courier), id, 1, now()), 200, null, 1);
        int handovers = 1;
        if (random.nextInt(4) == 0) {
            // A second courier takes the last leg: handed over at a hub, accepted by its own user.
            String next = otherCourier(courier);
            String place = data.transferPlace();
            call("transfer of " + id + " to " + next, () -> shipments.releaseTo(tokens.logistics(courier), id, now(),
                    next, place), 201, null, 1);
            int number = ++handovers;
            call("acceptance of " + id + " by " + next, () -> shipments.accept(tokens.logistics(next), id, number,
                    now()), 200, null, 1);
            holder = next;
        }
        String deliverer = holder;
        call("delivery of " + id, () -> shipments.releaseToDestination(tokens.logistics(deliverer), id, now()), 201,
                null, 1);
        String receiver = tokens.technicianAt(destination);
        double arrival = data.arrivalTemperature(temperatureClass);
        if (attempts(UnsafeMove.RECEIPT_MISSING_A_UNIT)) {
            List<String> listed = units.size() > 1 ? units.subList(0, units.size() - 1) : List.of(coi + "-X9");
            unsafe(UnsafeMove.RECEIPT_MISSING_A_UNIT, () -> shipments.receive(receiver, id, now(), arrival,
                    ShipmentCalls.scans(coi, listed, witness(destination)), null));
        }
        if (mismatch) {
            Map<String, Map<String, Object>> scans = ShipmentCalls.scans(otherCoi(), units, witness(destination));
            return call("receipt of " + id + " (wrong COI scanned)", () -> shipments.receive(receiver, id, now(),
                    arrival, scans, null), 409, "identity-mismatch", 2) != null;
        }
        return call("receipt of " + id, () -> shipments.receive(receiver, id, now(), arrival,
                ShipmentCalls.scans(coi, units, witness(destination)), null), 200, null, steps) != null;
    }

    private Map<String, Object> infusion(String unit, String referenceField, String reference) {
        Map<String, Object> check = data.unitCheck(coi, unit, witness("bedside"));
        check.put(referenceField, reference);
        return map("unitId", unit, "identityCheck", check);
    }

    private boolean ok(String site, String stage, Map<String, Object> stageData, String deviation) {
        return call(stage, () -> step(site, stage, stageData, deviation), 201, null, 1) != null;
    }

    private void refused(String site, String stage, Map<String, Object> stageData, String problem, int recorded) {
        call(stage, () -> step(site, stage, stageData, null), 409, problem, recorded);
    }

    /** Logs a step, as a technician of {@code site}. */
    private Answer step(String site, String stage, Map<String, Object> stageData, String deviation) {
        Map<String, Object> step = map("stage", stage, "occurredAt", now().toString(), "site", site, "data", stageData);
        if (deviation != null) {
            step.put("deviationReference", deviation);
        }
        return api.logStep(tokens.technicianAt(site), coi, step);
    }

    /** Whether the scenario attempts the unsafe move, and the journey is still as it expects. */
    private boolean attempts(UnsafeMove move) {
        return scenario.unsafeMoves().contains(move) && deviations.isEmpty();
    }

    /** An unsafe move: it must be refused (409) with its problem type, and record nothing. */
    private void unsafe(UnsafeMove move, Supplier<Answer> attempt) {
        if (call("unsafe move " + move.name().toLowerCase(), attempt, 409, move.problem(), 0) != null) {
            refused.add(move);
        }
    }

    /**
     * Makes a call unless the journey already deviated; a deviation unless it answers {@code status} (and
     * {@code problem}). Counts the ledger events it records in every batch ledger on board when it answers as
     * expected.
     *
     * @return the answer when as expected, else null
     */
    private Answer call(String what, Supplier<Answer> request, int status, String problem, int recorded) {
        if (!deviations.isEmpty()) {
            return null;
        }
        Answer answer = request.get();
        requests++;
        if (answer.status() != status || (problem != null && !answer.problemType().equals(PROBLEM + problem))) {
            deviations.add(what + " answered " + answer.status() + " " + answer.body() + ", expected " + status
                    + (problem == null ? "" : " " + problem));
            return null;
        }
        events += recorded;
        return answer;
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
        return new Outcome(scenario, coi, requests, List.copyOf(deviations), List.copyOf(refused));
    }

    private String otherCourier(String courier) {
        String other = data.courier();
        return other.equals(courier) ? otherCourier(courier) : other;
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
