package org.vein2vein.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.batch.api.stagedata.StageDataReader;
import org.vein2vein.clock.ClockTesting;
import org.vein2vein.custody.application.CustodyEventMessage;
import org.vein2vein.custody.application.PseudonymousReferences;
import org.vein2vein.kernel.Actor;
import org.vein2vein.kernel.Stage;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.shipment.application.ExcursionRecorder;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Digests;
import org.vein2vein.testing.Shipping;
import org.vein2vein.shipment.application.PartnerStream;
import org.vein2vein.shipment.application.ShipmentEventMessage;
import org.vein2vein.testing.ShipmentEvents;
import org.vein2vein.testing.ShipmentsTopic;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * What the service publishes and serves about a batch's custody, and the shipment events of the
 * partner stream, carry no personal health information. Every field must be on the allowlist below,
 * with the reason it is not PHI; a new field fails this test until someone has written down why it
 * may be shared.
 *
 * <p>Field paths name nested members with dots and the members of the objects in a list with
 * {@code []}: {@code data.units[].unitId}. A list of values is named as the list: {@code data.unitIds}.
 * Subject, patient and recipient references are pseudonymous ids the sites issue: only the issuing site
 * can link them to a person. Even so they never enter an event: the ledger, and so Kafka, holds their
 * keyed digests ({@code subjectReferenceDigest}), and the references stay in the batch record.
 */
@QuarkusTest
class PhiAllowlistTest {

    /** The custody event, on Kafka and in the API: field path and why it is not PHI. */
    private static final Map<String, String> EVENT_FIELDS = allowlist(
            "eventId", "a random UUID the service assigns",
            "coi", "the Chain of Identity id: random, assigned by the service, meaningless outside it",
            "sequence", "the event's position in the batch's ledger",
            "type", "a code: BATCH_REGISTERED, STEP_RECORDED, STEP_REJECTED, TIME_WINDOW_WARNING_ISSUED, "
                    + "TIME_WINDOW_BREACHED, HANDOVER_RELEASED, HANDOVER_ACCEPTED or TEMPERATURE_EXCURSION_DETECTED",
            "stage", "a code of the stage plan",
            "occurredAt", "when a manufacturing step happened, not a clinical date of the person",
            "recordedAt", "when the service recorded the event",
            "actor", "the member, not a value: see ACTOR_FIELDS",
            "site", "a site code, an organisation's location, not the person's; for a handover between couriers "
                    + "in transit, the shipment's id (SHP-...), which the service assigns",
            "data", "the member, not a value: see REGISTRATION_DATA_FIELDS, STAGE_DATA_FIELDS, "
                    + "SERVICE_ADDED_FIELDS, HOLD_FIELDS, REJECTION_FIELDS, HANDOVER_FIELDS, "
                    + "RECEIVED_WHILE_HELD_FIELDS and EXCURSION_FIELDS",
            "previousHash", "a SHA-256 hash",
            "hash", "a SHA-256 hash");

    /** Who acted: staff, not patients. */
    private static final Map<String, String> ACTOR_FIELDS = allowlist(
            "actor.id", "the staff member's (or courier user's) pseudonymous id from their token, never a name; "
                    + "vein2vein-clock, vein2vein-identity-checkpoint or vein2vein-temperature-monitor for what the "
                    + "service records itself",
            "actor.role", "a code: technician, qa, logistics, system",
            "actor.organisation", "an organisation code");

    /** The data of BATCH_REGISTERED, which the service builds itself. */
    private static final Map<String, String> REGISTRATION_DATA_FIELDS = allowlist(
            "data.batchType", "a code: AUTOLOGOUS or ALLOGENEIC",
            "data.subjectReferenceDigest", "a keyed digest (HMAC-SHA256) of the pseudonym the site issued: "
                    + "comparable with other digests, not readable, not recomputable without the service's key",
            "data.productCode", "a product code",
            "data.productVersion", "a number: the version of the product definition the batch follows",
            "data.collectionSite", "a site code",
            "data.treatmentSite", "a site code: where the patient is treated, the one site an autologous batch's "
                    + "bags may be shipped to; an organisation's location, not the person's");

    /**
     * The data of a step as the technician sends it: every field of every stage's typed record
     * (org.vein2vein.batch.api.stagedata), which {@link #everyFieldOfEveryStageDataRecordIsOnTheAllowlist()}
     * walks by reflection. The records hold codes, ids, counts and measurements; free text is refused.
     */
    private static final Map<String, String> STAGE_DATA_FIELDS = allowlist(
            // COLLECTED
            "data.donationId", "the ISBT 128 donation id of a collection: identifies the product, is printed on "
                    + "its label; no name or date of birth in it",
            "data.startedAt", "when an apheresis session started: a process time, like occurredAt",
            "data.endedAt", "when an apheresis session ended: a process time, like occurredAt",
            "data.volumeMl", "a volume of product in mL (collection, bag or dose)",
            "data.totalNucleatedCells", "a cell count of the starting material",
            "data.cd3PositiveCells", "a cell count of the starting material",
            "data.anticoagulant", "a code: ACD_A, ACD_B, CPD or HEPARIN",
            // CRYOPRESERVED_AT_COLLECTION, CRYOPRESERVED, STORED
            "data.freezerRun", "an equipment run code",
            "data.location.freezer", "a freezer code",
            "data.location.rack", "a rack code",
            "data.location.box", "a box code",
            "data.location.position", "a position code in a box",
            // SHIPPED_TO_MANUFACTURING, SHIPPED_TO_SITE
            "data.destinationSite", "a site code, an organisation's location, not the person's",
            "data.courier", "a courier organisation's code",
            "data.containerId", "a shipping container's code",
            "data.temperatureClass", "a code: FRESH_2_TO_8_C or CRYO_AT_OR_BELOW_MINUS_150_C",
            "data.outOfStorageSince", "when units left controlled storage to be packed: a process time",
            "data.unitIds", "unit ids: the labels of bags and doses, assigned by manufacturing",
            // identity checkpoints
            "data.identityCheck.scannedCoi", "the COI scanned from a label: a service-assigned id",
            "data.identityCheck.scannedUnitId", "a unit id scanned from a bag's label",
            "data.identityCheck.patientReference", "the pseudonymous patient reference scanned from the wristband; "
                    + "recorded as its keyed digest (patientReferenceDigest), never as sent",
            "data.identityCheck.recipientReference", "the pseudonymous recipient reference scanned from the "
                    + "wristband; recorded as its keyed digest (recipientReferenceDigest), never as sent",
            "data.identityCheck.witness", "the second verifier's pseudonymous staff id, never a name",
            // RECEIVED_AT_MANUFACTURING, ACCEPTED, RECEIVED_AT_SITE
            "data.condition", "a code: INTACT, DAMAGED or TEMPERATURE_EXCURSION",
            "data.temperatureOnArrivalC", "a temperature of the shipment, not of the person",
            // REJECTED, MANUFACTURING_FAILED, QUARANTINED, DESTROYED, CANCELLED (and a hold, see HOLD_FIELDS)
            "data.reason", "a code from a closed list (PROCESS_DEVIATION, IDENTITY_DOUBT, ...); details live in the "
                    + "quality record, never in the ledger",
            "data.qualityRecord", "a quality record's reference, such as DEV-2026-0117",
            "data.unitId", "a unit id: the label of a bag or dose",
            // GENE_MODIFIED
            "data.construct", "a CAR construct code",
            "data.transduction.method", "a code: LENTIVIRAL or RETROVIRAL",
            "data.transduction.vectorLot", "a reagent lot code",
            "data.editing.method", "a code: CRISPR_CAS9 or TALEN",
            "data.editing.reagentLot", "a reagent lot code",
            "data.editing.targets", "gene symbols knocked out in the product (TRAC, B2M), not the person's genome",
            // EXPANDED
            "data.bioreactor", "an equipment code",
            "data.cultureDay", "a day of cell culture",
            "data.viableCells", "a cell count of the culture",
            "data.viabilityPercent", "a viability of the culture, in percent",
            // FORMULATED, SPLIT
            "data.units[].unitId", "a bag's unit id, assigned by manufacturing",
            "data.units[].volumeMl", "a bag's volume",
            "data.units[].carPositiveViableCells", "a bag's cell count",
            "data.doses[].unitId", "a dose's unit id, assigned by manufacturing",
            "data.doses[].volumeMl", "a dose's volume",
            "data.doses[].carPositiveViableCells", "a dose's cell count",
            // QC_TESTED
            "data.results[].test", "a code of a QC test of the product",
            "data.results[].value", "a QC measurement of the product, not of the person",
            "data.results[].unit", "a unit of measurement: %, cells, EU/mL, copies/cell",
            "data.results[].outcome", "a code: NEGATIVE or POSITIVE, of a test of the product",
            "data.results[].method", "a test method or SOP code",
            // ALLOCATED
            "data.recipientReference", "the pseudonymous recipient reference issued by the treatment site; recorded "
                    + "as its keyed digest (recipientReferenceDigest), never as sent",
            "data.treatmentSite", "a site code: the recipient's treatment site, the one site the dose may be "
                    + "shipped to; an organisation's location, not the person's",
            // THAWED
            "data.thawTemperatureC", "the temperature of the thawing device");

    /** What the service adds to a step's data. */
    private static final Map<String, String> SERVICE_ADDED_FIELDS = allowlist(
            "data.assessment.inSpecification", "QC_TESTED: whether the product meets its release specification",
            "data.assessment.verdicts[].test", "QC_TESTED: a code of a QC test",
            "data.assessment.verdicts[].withinSpecification", "QC_TESTED: whether the product passed the test",
            "data.assessment.verdicts[].criterion", "QC_TESTED: the product's criterion, as the specification words it",
            "data.assessment.missingTests", "QC_TESTED: codes of the QC tests not yet reported",
            "data.deviationReference", "a deviation record's reference, such as DEV-2026-0117, for a step "
                    + "outside its time window",
            "data.missedWindows[].window", "a step accepted under a deviation: the name of the window it missed",
            "data.missedWindows[].max", "the product's window, a duration",
            "data.missedWindows[].startedAt", "when the step that started the window happened",
            "data.missedWindows[].deadline", "the start plus the product's window",
            "data.missedWindows[].missedBy", "a duration: how late the step came",
            "data.shipmentId", "SHIPPED_TO_*, RECEIVED_AT_*: the shipment that recorded the step, an id the service "
                    + "assigns (SHP-...)");

    /** The data of TIME_WINDOW_WARNING_ISSUED and TIME_WINDOW_BREACHED, which the service builds itself. */
    private static final Map<String, String> TIME_WINDOW_DATA_FIELDS = allowlist(
            "data.window", "the name of a time window of the product definition",
            "data.unitId", "a dose unit's id, a label the manufacturer prints on a bag; only for per-dose clocks",
            "data.fromStage", "a code of the stage plan",
            "data.toStage", "a code of the stage plan",
            "data.startedAt", "when the step that started the window happened, not a clinical date of the person",
            "data.deadline", "the start plus the product's window",
            "data.max", "the product's window, a duration",
            "data.elapsedPercent", "a number: the part of the window elapsed when the warning came",
            "data.overrunBy", "a duration: how far past its deadline the service found the window");

    /** The data of the QUARANTINED step the service records when an identity check fails. */
    private static final Map<String, String> HOLD_FIELDS = allowlist(
            "data.reason", "the code IDENTITY_DOUBT, or TEMPERATURE_EXCURSION for a hold after an excursion",
            "data.rejectedAttempt", "the sequence of the STEP_REJECTED event that caused the hold",
            "data.excursionEvent", "the sequence of the TEMPERATURE_EXCURSION_DETECTED event that caused the hold",
            "data.shipmentId", "the shipment the excursion happened on: an id the service assigns (SHP-...)",
            "data.unitId", "an allogeneic dose's unit id, when the hold is the dose's");

    /** The data of HANDOVER_RELEASED and HANDOVER_ACCEPTED: organisations handing a shipment to each other. */
    private static final Map<String, String> HANDOVER_FIELDS = allowlist(
            "data.shipmentId", "the shipment handed over: an id the service assigns (SHP-...)",
            "data.handover", "a number: the handover's position on the shipment",
            "data.fromOrganisation", "the releasing organisation's code: a site's or a courier's",
            "data.toOrganisation", "the receiving organisation's code: a courier's or the destination site's",
            "data.fromSite", "a site code: the origin, when it hands the shipment to its courier",
            "data.toSite", "a site code: the destination, when the courier delivers it",
            "data.place", "where couriers handed it over: the code of a depot, an airport or a hub (a code, "
                    + "never free text, so no name can be typed there)",
            "data.condition", "HANDOVER_ACCEPTED: a code, INTACT, DAMAGED or TEMPERATURE_EXCURSION, of the "
                    + "package, not of the person");

    /**
     * The data of the HANDOVER_ACCEPTED the service records when a held batch is received: the receipt,
     * whose {@code data} is the receipt's step data, allowed as a step's is (prefixed {@code data.data.}).
     */
    private static final Map<String, String> RECEIVED_WHILE_HELD_FIELDS = allowlist(
            "data.receivedStage", "a code of the stage plan: the receiving stage",
            "data.heldAtReceipt", "true: the batch (or dose) stays on hold",
            "data.resumeStage", "a code of the stage plan: where it resumes once the hold is lifted",
            "data.unitId", "an allogeneic dose's unit id, when the receipt is a dose's");

    /** The data of TEMPERATURE_EXCURSION_DETECTED, which the service builds from a shipment's logger readings. */
    private static final Map<String, String> EXCURSION_FIELDS = allowlist(
            "data.shipmentId", "the shipment whose temperature left its class: an id the service assigns (SHP-...)",
            "data.loggerId", "a temperature logger's equipment code",
            "data.from", "when the readings left the class: a process time",
            "data.to", "the last reading outside the class: a process time",
            "data.extremeCelsius", "a temperature of the shipment, not of the person",
            "data.temperatureClass", "a code: FRESH_2_TO_8_C or CRYO_AT_OR_BELOW_MINUS_150_C");

    /**
     * The data of STEP_REJECTED: the refused attempt, kept for the audit trail. Its {@code data} is
     * the attempt's stage data, allowed as {@link #STAGE_DATA_FIELDS} are (prefixed {@code data.data.}).
     */
    private static final Map<String, String> REJECTION_FIELDS = allowlist(
            "data.attemptedStage", "a code of the stage plan",
            "data.unitId", "an allogeneic dose's unit id, when the attempt was a dose's",
            "data.refusal", "a code: TIME_WINDOW_MISSED, IDENTITY_MISMATCH or SECOND_VERIFIER_REQUIRED",
            "data.detail", "the service's own sentence: stage codes, COIs, unit ids and durations, never a patient "
                    + "or recipient reference",
            "data.details.mismatches", "the service's own sentences: what did not match, naming COIs and unit ids "
                    + "only; a patient or recipient mismatch is stated without the references",
            "data.details.window", "the name of a product's time window",
            "data.details.max", "an ISO-8601 duration",
            "data.details.startedAt", "when the window started: a process time",
            "data.details.deadline", "when the window ended: a process time",
            "data.details.missedBy", "an ISO-8601 duration");

    /** A logistics organisation the courier hands a shipment to on its way. */
    private static final String SECOND_CARRIER = "AIR-CARGO-7";
    /**
     * The shipment events of the partner stream ({@link ShipmentEventMessage}, topic vein2vein.shipments.v1),
     * which logistics partners read: no reference to a person, not even a digest.
     */
    private static final Map<String, String> SHIPMENT_EVENT_FIELDS = allowlist(
            "shipmentId", "the shipment's id, assigned by the service",
            "sequence", "the event's position in the shipment's history",
            "type", "a code: PLANNED, PACKED, HANDOVER_RELEASED, HANDOVER_ACCEPTED, RECEIVED, TEMPERATURE_EXCURSION or CANCELLED",
            "occurredAt", "when a shipment's transition happened: a logistics time, not a clinical date of the person",
            "status", "a code of the shipment's lifecycle",
            "originSite", "a site code, an organisation's location, not the person's",
            "destinationSite", "a site code, an organisation's location, not the person's",
            "courier", "the logistics partner's organisation code",
            "custodian", "an organisation code",
            "trackingNumber", "the courier's own number for the parcel",
            "temperatureClass", "a code: FRESH_2_TO_8_C or CRYO_AT_OR_BELOW_MINUS_150_C",
            "units[].coi", "the Chain of Identity id: random, assigned by the service, meaningless outside it",
            "units[].unitId", "the label of a bag, a dose or collected material (ISBT 128 donation id): identifies "
                    + "the product, not the person",
            "handover.number", "the handover's position in the shipment's handovers",
            "handover.fromOrganisation", "an organisation code",
            "handover.fromSite", "a site code",
            "handover.toOrganisation", "an organisation code",
            "handover.toSite", "a site code",
            "handover.place", "where a handover happened when not at a site: a depot, a terminal, a loading bay; "
                    + "never a person's address",
            "temperature.celsius", "a temperature of the shipper, not of a person",
            "temperature.from", "when the shipper's temperature left its range: a logistics time",
            "temperature.to", "when the shipper's temperature was last out of range: a logistics time",
            "temperature.loggerId", "a data logger's id",
            "condition", "a code: the condition of the shipment a party observed");

    /** A member named like a reference to a person, at any depth. */
    private static final Pattern PERSON_REFERENCE = Pattern.compile("(?i).*(subject|patient|donor|recipient).*");

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    ExcursionRecorder excursions;

    @Inject
    PartnerStream partnerStream;

    @Test
    void theKafkaMessageRecordHasExactlyTheAllowedFields() {
        Set<String> components = Arrays.stream(CustodyEventMessage.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> actorComponents = Arrays.stream(Actor.class.getRecordComponents())
                .map(component -> "actor." + component.getName()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(components).as("CustodyEventMessage: add a new field to the allowlist, with its reason")
                .isEqualTo(new TreeSet<>(EVENT_FIELDS.keySet()));
        assertThat(actorComponents).as("Actor: add a new field to the allowlist, with its reason")
                .isEqualTo(new TreeSet<>(ACTOR_FIELDS.keySet()));
    }

    @Test
    void everyFieldOfEveryStageDataRecordIsOnTheAllowlist() {
        Set<String> fields = new TreeSet<>();
        for (Stage stage : Stage.values()) {
            StageDataReader.typeOf(stage).ifPresent(type -> fields.addAll(fieldsOf(type, "data.")));
        }

        assertThat(fields).as("stage data records: add a new field to STAGE_DATA_FIELDS, with its reason")
                .isEqualTo(new TreeSet<>(STAGE_DATA_FIELDS.keySet()));
    }

    @Test
    void everyPublishedAndServedFieldIsAllowed() throws Exception {
        // One journey from collection to infusion, shipped both ways, with a missed window and a packing under
        // a deviation on the way, and handed from the courier to a second carrier at a depot; a batch whose
        // receipt is refused twice: no second verifier, then the wrong COI, which puts it on hold; and a batch
        // whose shipment had a temperature excursion, held in transit and received while held.
        String journey = Api.registerAutologous("PSN-PHI-01");
        for (String stage : List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING", "ACCEPTED",
                "GENE_MODIFIED", "EXPANDED", "FORMULATED", "CRYOPRESERVED", "QC_TESTED", "RELEASED", "STORED")) {
            Api.advance(journey, stage);
        }
        String bag = StageSamples.bag(journey);
        String toSite = Shipping.plan(Shipping.MANUFACTURING, Shipping.TREATMENT, "CRYO_AT_OR_BELOW_MINUS_150_C",
                List.of(bag)).statusCode(201).extract().path("id");
        Instant packed = Instant.now();
        Shipping.pack(toSite, packed, packed.minusSeconds(7200), null).statusCode(409)
                .body("type", equalTo("urn:vein2vein:problem:time-window-missed"));
        Shipping.pack(toSite, packed, packed.minusSeconds(7200), "DEV-2026-0117").statusCode(200);
        Shipping.pickUp(toSite, packed.plusMillis(10));
        String secondCarrier = Tokens.token("carrier-test", Roles.LOGISTICS, SECOND_CARRIER, List.of());
        Shipping.release(Tokens.logistics(), toSite, StageSamples.map("occurredAt", packed.plusMillis(20).toString(),
                "toOrganisation", SECOND_CARRIER, "place", "LYS-CARGO-DEPOT")).statusCode(201);
        Shipping.accept(secondCarrier, toSite, 2, packed.plusMillis(30)).statusCode(200);
        Shipping.release(secondCarrier, toSite, StageSamples.map("occurredAt", packed.plusMillis(40).toString(),
                "toDestination", true)).statusCode(201);
        Shipping.receive(toSite, packed.plusMillis(50), -182.5, Map.of(bag, journey), null).statusCode(200);
        Api.advance(journey, "THAWED");
        Api.logStep(journey, "INFUSED", Instant.now(), StageSamples.of(journey, "INFUSED", Instant.now(),
                "PSN-PHI-01")).statusCode(201);

        String held = Api.registerAutologous("PSN-PHI-02");
        Api.advance(held, "COLLECTED");
        String material = Shipping.materialOf(held).get(0);
        String toManufacturing = delivered(material, Instant.now());
        Map<String, Object> unwitnessed = StageSamples.map("occurredAt", Instant.now().toString(), "condition",
                "INTACT", "temperatureOnArrivalC", 4.2, "units", List.of(StageSamples.map("unitId", material,
                        "identityCheck", StageSamples.map("scannedCoi", held, "scannedUnitId", material))));
        Api.given().contentType("application/json").body(unwitnessed)
                .post("/api/v1/shipments/{id}/receipt", toManufacturing).then().statusCode(409)
                .body("type", equalTo("urn:vein2vein:problem:second-verifier-required"));
        Shipping.receive(toManufacturing, Instant.now(), 4.2, Map.of(material, journey), null).statusCode(409)
                .body("type", equalTo("urn:vein2vein:problem:identity-mismatch"));

        // The temperature monitor finds an excursion in the readings while the courier holds the shipment.
        String excursion = Api.registerAutologous("PSN-PHI-03");
        Api.advance(excursion, "COLLECTED");
        String chilled = Shipping.materialOf(excursion).get(0);
        Instant start = Instant.now();
        String warmed = Shipping.plan(Shipping.TREATMENT, Shipping.MANUFACTURING, "FRESH_2_TO_8_C", List.of(chilled))
                .statusCode(201).extract().path("id");
        Shipping.pack(warmed, start).statusCode(200);
        Shipping.pickUp(warmed, start.plusMillis(10));
        QuarkusTransaction.requiringNew().run(() -> excursions.excursionDetected(warmed, "TL-0042",
                start.plusMillis(20), start.plusMillis(30), new BigDecimal("14.5")));
        Shipping.deliver(warmed, start.plusMillis(40)).statusCode(201);
        Shipping.receive(warmed, start.plusMillis(50), 4.2, Map.of(chilled, excursion), null).statusCode(200);
        Api.batch(excursion).statusCode(200).body("stage", equalTo("QUARANTINED"));

        List<JsonNode> published = new ArrayList<>();
        List<JsonNode> served = new ArrayList<>();
        try (CustodyTopic topic = new CustodyTopic()) {
            for (String coi : List.of(journey, held, excursion)) {
                JsonNode custody = json.readTree(Api.custody(coi).statusCode(200).extract().asString());
                List<JsonNode> events = iterableToList(custody.get("events").elements());
                served.addAll(events);
                published.addAll(topic.awaitRecords(coi, events.size()).stream().map(ConsumerRecord::value)
                        .map(this::read).toList());
            }
        }

        // The journey: registered, 15 steps, 1 refused packing, 2 x 3 handovers of two shipments, 2 more for the
        // second carrier; the held batch: registered, collected, shipped, 3 handovers, 2 refused receipts, the
        // hold; the excursion's: registered, collected, shipped, 3 handovers, the excursion, its hold, the receipt.
        assertThat(published).hasSameSizeAs(served).hasSize((1 + 15 + 1 + 6 + 2) + (1 + 2 + 3 + 2 + 1)
                + (1 + 2 + 3 + 1 + 1 + 1));
        assertThat(served).as("the events this test is about").anySatisfy(event -> assertThat(
                fieldPaths(event.get("data"), "data.")).contains("data.assessment.inSpecification"))
                .anySatisfy(event -> assertThat(event.get("data").has("deviationReference")).isTrue())
                .anySatisfy(event -> assertThat(event.at("/data/refusal").asText()).isEqualTo("TIME_WINDOW_MISSED"))
                .anySatisfy(event -> assertThat(event.at("/data/refusal").asText())
                        .isEqualTo("SECOND_VERIFIER_REQUIRED"))
                .anySatisfy(event -> assertThat(event.at("/data/refusal").asText()).isEqualTo("IDENTITY_MISMATCH"))
                .anySatisfy(event -> assertThat(event.get("data").has("rejectedAttempt")).isTrue())
                .anySatisfy(event -> assertThat(event.at("/data/identityCheck/patientReferenceDigest").asText())
                        .isEqualTo(Digests.of("PSN-PHI-01")))
                .anySatisfy(event -> assertThat(event.get("data").has("treatmentSite")).isTrue())
                .anySatisfy(event -> assertThat(event.at("/data/shipmentId").asText()).isEqualTo(toSite))
                .anySatisfy(event -> assertThat(event.get("type").asText()).isEqualTo("HANDOVER_RELEASED"))
                .anySatisfy(event -> assertThat(event.get("type").asText()).isEqualTo("HANDOVER_ACCEPTED"))
                .anySatisfy(event -> assertThat(event.at("/data/fromSite").asText()).isEqualTo(Shipping.MANUFACTURING))
                .anySatisfy(event -> assertThat(event.at("/data/toSite").asText()).isEqualTo(Shipping.MANUFACTURING))
                .anySatisfy(event -> assertThat(event.at("/data/place").asText()).isNotEmpty())
                .anySatisfy(event -> assertThat(event.at("/data/condition").asText()).isEqualTo("INTACT"))
                .anySatisfy(event -> assertThat(event.get("type").asText())
                        .isEqualTo("TEMPERATURE_EXCURSION_DETECTED"))
                .anySatisfy(event -> assertThat(event.at("/data/reason").asText()).isEqualTo("TEMPERATURE_EXCURSION"))
                .anySatisfy(event -> assertThat(event.get("data").has("heldAtReceipt")).isTrue());
        for (JsonNode event : concat(published, served)) {
            assertOnlyAllowedFields(event);
            assertThat(event.toString()).as("no pseudonymous reference in any event").doesNotContain("PSN-PHI-0");
        }
    }

    /** Ships the unit from the treatment site to manufacturing: packed, picked up and delivered, not received. */
    private static String delivered(String unit, Instant packedAt) {
        String id = Shipping.plan(Shipping.TREATMENT, Shipping.MANUFACTURING, "FRESH_2_TO_8_C", List.of(unit))
                .statusCode(201).extract().path("id");
        Shipping.pack(id, packedAt).statusCode(200);
        Shipping.pickUp(id, packedAt.plusMillis(10));
        Shipping.deliver(id, packedAt.plusMillis(20)).statusCode(201);
        return id;
    }

    @Test
    void theTimeWindowEventsCarryOnlyAllowedFields() throws Exception {
        String coi = ClockTesting.register(ClockTesting.productWithCollectionToReceipt(ClockTesting.WATCHED_WINDOW));
        ClockTesting.logStep(coi, "COLLECTED", ClockTesting.collectedWithTheWarningDue());
        try {
            List<JsonNode> events;
            try (CustodyTopic topic = new CustodyTopic()) {
                events = topic.awaitRecords(coi, 4).stream().map(ConsumerRecord::value).map(this::read).toList();
            }
            List<JsonNode> served = ClockTesting.ledger(coi);

            assertThat(concat(events, served)).extracting(event -> event.get("type").asText())
                    .contains(ClockTesting.WARNING, ClockTesting.BREACH);
            for (JsonNode event : concat(events, served)) {
                assertOnlyAllowedFields(event);
            }
        } finally {
            ClockTesting.cancel(coi);
        }
    }

    @Test
    void theShipmentEventRecordHasExactlyTheAllowedFieldsAndNoneNamedLikeAPersonsReference() {
        Set<String> fields = fieldsOf(ShipmentEventMessage.class, "");

        assertThat(fields).as("ShipmentEventMessage: add a new field to SHIPMENT_EVENT_FIELDS, with its reason")
                .isEqualTo(new TreeSet<>(SHIPMENT_EVENT_FIELDS.keySet()));
        assertThat(fields).as("the partner stream carries no reference to a person")
                .noneMatch(field -> Arrays.stream(field.split("[.\\[\\]]+")).anyMatch(
                        member -> PERSON_REFERENCE.matcher(member).matches()));
    }

    @Test
    void everyPublishedShipmentEventCarriesOnlyAllowedFields() throws Exception {
        String shipment = ShipmentEvents.newShipmentId();
        List<ShipmentEventMessage> journey = ShipmentEvents.journey(shipment,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        QuarkusTransaction.requiringNew().run(() -> journey.forEach(partnerStream::publish));

        List<JsonNode> published;
        try (ShipmentsTopic topic = new ShipmentsTopic()) {
            published = topic.awaitRecords(shipment, journey.size()).stream().map(ConsumerRecord::value)
                    .map(this::read).toList();
        }

        assertThat(published).hasSize(journey.size());
        for (JsonNode event : published) {
            assertThat(fieldPaths(event, "")).as("fields of %s", event)
                    .isSubsetOf(SHIPMENT_EVENT_FIELDS.keySet());
        }
    }

    private void assertOnlyAllowedFields(JsonNode event) {
        assertThat(fieldNames(event, "")).as("top-level fields of %s", event)
                .isEqualTo(new TreeSet<>(EVENT_FIELDS.keySet()));
        assertThat(fieldNames(event.get("actor"), "actor.")).as("actor of %s", event)
                .isEqualTo(new TreeSet<>(ACTOR_FIELDS.keySet()));
        JsonNode data = event.get("data");
        assertThat(data.isObject()).as("data of %s", event).isTrue();
        switch (event.get("type").asText()) {
            case "BATCH_REGISTERED" -> {
                assertThat(fieldNames(data, "data.")).as("registration data of %s", event)
                        .isEqualTo(new TreeSet<>(REGISTRATION_DATA_FIELDS.keySet()));
                data.forEach(value -> assertThat(value.isTextual() || value.isIntegralNumber())
                        .as("a code or a version number, not a structure").isTrue());
            }
            case "STEP_RECORDED" -> {
                Set<String> allowed = "system".equals(event.at("/actor/role").asText())
                        ? HOLD_FIELDS.keySet() : stepData("data.");
                assertThat(fieldPaths(data, "data.")).as("step data of %s", event).isSubsetOf(allowed);
            }
            case "STEP_REJECTED" -> assertThat(fieldPaths(data, "data.")).as("rejection data of %s", event)
                    .isSubsetOf(union(REJECTION_FIELDS.keySet(), stepData("data.data.")));
            case "HANDOVER_RELEASED", "HANDOVER_ACCEPTED" -> {
                Set<String> allowed = data.has("heldAtReceipt")
                        ? union(RECEIVED_WHILE_HELD_FIELDS.keySet(), stepData("data.data."))
                        : HANDOVER_FIELDS.keySet();
                assertThat(fieldPaths(data, "data.")).as("handover data of %s", event).isSubsetOf(allowed);
            }
            case "TEMPERATURE_EXCURSION_DETECTED" -> {
                assertThat(fieldPaths(data, "data.")).as("excursion data of %s", event)
                        .isSubsetOf(EXCURSION_FIELDS.keySet());
                assertThat(event.at("/actor/role").asText()).isEqualTo("system");
            }
            case "TIME_WINDOW_WARNING_ISSUED", "TIME_WINDOW_BREACHED" -> {
                assertThat(TIME_WINDOW_DATA_FIELDS.keySet()).as("time-window data of %s", event)
                        .containsAll(fieldNames(data, "data."));
                data.forEach(value -> assertThat(value.isTextual() || value.isIntegralNumber())
                        .as("a code, a time, a duration or a percentage, not a structure").isTrue());
            }
            default -> throw new AssertionError("an event type without an allowlist: " + event);
        }
    }

    /**
     * The paths of a step's data as events record it, each prefixed {@code prefix}: the stage's fields
     * (a reference as its digest) and what the service adds.
     */
    private static Set<String> stepData(String prefix) {
        return union(recorded(STAGE_DATA_FIELDS.keySet()), SERVICE_ADDED_FIELDS.keySet()).stream()
                .map(field -> prefix + field.substring("data.".length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The paths as events record them: a reference as its digest. */
    private static Set<String> recorded(Set<String> requestFields) {
        return requestFields.stream().map(field -> {
            String member = field.substring(field.lastIndexOf('.') + 1);
            return PseudonymousReferences.MEMBERS.contains(member) ? field + PseudonymousReferences.DIGEST_SUFFIX : field;
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The field paths of a record's components, as {@link #fieldPaths} names them in JSON; an Optional
     * member is named as what it holds, which it is when present.
     */
    private static Set<String> fieldsOf(Class<?> record, String prefix) {
        Set<String> fields = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            Type type = component.getGenericType();
            if (type instanceof ParameterizedType optional && Optional.class.equals(optional.getRawType())
                    && optional.getActualTypeArguments()[0] instanceof Class<?> held && held.isRecord()) {
                fields.addAll(fieldsOf(held, path + "."));
            } else if (type instanceof ParameterizedType list && List.class.equals(list.getRawType())) {
                Type element = list.getActualTypeArguments()[0];
                if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                    fields.addAll(fieldsOf(elementClass, path + "[]."));
                } else {
                    fields.add(path);
                }
            } else if (component.getType().isRecord()) {
                fields.addAll(fieldsOf(component.getType(), path + "."));
            } else {
                fields.add(path);
            }
        }
        return fields;
    }

    /**
     * Every value's path in {@code node}: {@code data.location.box}, {@code data.units[].unitId} for
     * the members of a list's objects, {@code data.unitIds} for a list of values.
     */
    private static Set<String> fieldPaths(JsonNode node, String prefix) {
        Set<String> paths = new TreeSet<>();
        node.fields().forEachRemaining(member -> {
            String path = prefix + member.getKey();
            JsonNode value = member.getValue();
            if (value.isObject()) {
                paths.addAll(fieldPaths(value, path + "."));
            } else if (value.isArray()) {
                value.forEach(element -> {
                    if (element.isObject()) {
                        paths.addAll(fieldPaths(element, path + "[]."));
                    } else {
                        paths.add(path);
                    }
                });
            } else {
                paths.add(path);
            }
        });
        return paths;
    }

    private static Set<String> fieldNames(JsonNode node, String prefix) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(name -> names.add(prefix + name));
        return names;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> union = new TreeSet<>(first);
        union.addAll(second);
        return union;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> allowlist(String... pathsAndReasons) {
        Map<String, String> allowed = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndReasons.length; i += 2) {
            allowed.put(pathsAndReasons[i], pathsAndReasons[i + 1]);
        }
        return allowed;
    }

    private static <T> List<T> iterableToList(Iterator<T> iterator) {
        List<T> values = new ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
    }

    private static List<JsonNode> concat(List<JsonNode> first, List<JsonNode> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
