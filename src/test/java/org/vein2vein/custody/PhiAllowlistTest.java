package org.vein2vein.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
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
import org.vein2vein.shipment.application.PartnerStream;
import org.vein2vein.shipment.application.ShipmentEventMessage;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Digests;
import org.vein2vein.testing.ShipmentEvents;
import org.vein2vein.testing.ShipmentsTopic;
import org.vein2vein.testing.StageSamples;

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
            "type", "a code: BATCH_REGISTERED, STEP_RECORDED, STEP_REJECTED, TIME_WINDOW_WARNING_ISSUED or "
                    + "TIME_WINDOW_BREACHED",
            "stage", "a code of the stage plan",
            "occurredAt", "when a manufacturing step happened, not a clinical date of the person",
            "recordedAt", "when the service recorded the event",
            "actor", "the member, not a value: see ACTOR_FIELDS",
            "site", "a site code, an organisation's location, not the person's",
            "data", "the member, not a value: see REGISTRATION_DATA_FIELDS, STAGE_DATA_FIELDS, "
                    + "SERVICE_ADDED_FIELDS, HOLD_FIELDS and REJECTION_FIELDS",
            "previousHash", "a SHA-256 hash",
            "hash", "a SHA-256 hash");

    /** Who acted: staff, not patients. */
    private static final Map<String, String> ACTOR_FIELDS = allowlist(
            "actor.id", "the staff member's pseudonymous id from their token, never a name; vein2vein-clock or "
                    + "vein2vein-identity-checkpoint for what the service records itself",
            "actor.role", "a code: technician, qa, ...",
            "actor.organisation", "an organisation code");

    /** The data of BATCH_REGISTERED, which the service builds itself. */
    private static final Map<String, String> REGISTRATION_DATA_FIELDS = allowlist(
            "data.batchType", "a code: AUTOLOGOUS or ALLOGENEIC",
            "data.subjectReferenceDigest", "a keyed digest (HMAC-SHA256) of the pseudonym the site issued: "
                    + "comparable with other digests, not readable, not recomputable without the service's key",
            "data.productCode", "a product code",
            "data.productVersion", "a number: the version of the product definition the batch follows",
            "data.collectionSite", "a site code");

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
            "data.missedWindows[].missedBy", "a duration: how late the step came");

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
            "data.reason", "the code IDENTITY_DOUBT",
            "data.rejectedAttempt", "the sequence of the STEP_REJECTED event that caused the hold",
            "data.unitId", "an allogeneic dose's unit id, when the hold is the dose's");

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

    /**
     * The shipment events of the partner stream ({@link ShipmentEventMessage}, topic vein2vein.shipments.v1),
     * which logistics partners read: no reference to a person, not even a digest.
     */
    private static final Map<String, String> SHIPMENT_EVENT_FIELDS = allowlist(
            "shipmentId", "the shipment's id, assigned by the service",
            "sequence", "the event's position in the shipment's history",
            "type", "a code: PLANNED, PACKED, HANDOVER_RELEASED, HANDOVER_ACCEPTED, RECEIVED or TEMPERATURE_EXCURSION",
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
        // One journey from collection to infusion, with a missed window and a step under a deviation on the
        // way; and a batch whose receipt is refused twice: no second verifier, then the wrong COI, which
        // puts it on hold.
        String journey = Api.registerAutologous("PSN-PHI-01");
        for (String stage : List.of("COLLECTED", "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING", "ACCEPTED",
                "GENE_MODIFIED", "EXPANDED", "FORMULATED", "CRYOPRESERVED", "QC_TESTED", "RELEASED", "STORED")) {
            Api.logStep(journey, stage).statusCode(201);
        }
        Instant shipped = Instant.now();
        Map<String, Object> lateShipment = StageSamples.of(journey, "SHIPPED_TO_SITE", shipped, null);
        lateShipment.put("outOfStorageSince", shipped.minusSeconds(7200).toString());
        Api.logStep(journey, "SHIPPED_TO_SITE", shipped, lateShipment).statusCode(409)
                .body("type", equalTo("urn:vein2vein:problem:time-window-missed"));
        step(journey, "SHIPPED_TO_SITE", shipped, lateShipment, "DEV-2026-0117").statusCode(201);
        for (String stage : List.of("RECEIVED_AT_SITE", "THAWED")) {
            Api.logStep(journey, stage).statusCode(201);
        }
        Api.logStep(journey, "INFUSED", Instant.now(), StageSamples.of(journey, "INFUSED", Instant.now(),
                "PSN-PHI-01")).statusCode(201);

        String held = Api.registerAutologous("PSN-PHI-02");
        Api.logStep(held, "COLLECTED").statusCode(201);
        Api.logStep(held, "SHIPPED_TO_MANUFACTURING").statusCode(201);
        Map<String, Object> unwitnessed = StageSamples.of(held, "RECEIVED_AT_MANUFACTURING", Instant.now(), null);
        unwitnessed.put("identityCheck", StageSamples.map("scannedCoi", held));
        Api.logStep(held, "RECEIVED_AT_MANUFACTURING", Instant.now(), unwitnessed).statusCode(409)
                .body("type", equalTo("urn:vein2vein:problem:second-verifier-required"));
        Map<String, Object> otherBatch = StageSamples.of(held, "RECEIVED_AT_MANUFACTURING", Instant.now(), null);
        otherBatch.put("identityCheck", StageSamples.check(journey, null));
        Api.logStep(held, "RECEIVED_AT_MANUFACTURING", Instant.now(), otherBatch).statusCode(409)
                .body("type", equalTo("urn:vein2vein:problem:identity-mismatch"));

        List<JsonNode> published = new ArrayList<>();
        List<JsonNode> served = new ArrayList<>();
        try (CustodyTopic topic = new CustodyTopic()) {
            for (String coi : List.of(journey, held)) {
                JsonNode custody = json.readTree(Api.custody(coi).statusCode(200).extract().asString());
                List<JsonNode> events = iterableToList(custody.get("events").elements());
                served.addAll(events);
                published.addAll(topic.awaitRecords(coi, events.size()).stream().map(ConsumerRecord::value)
                        .map(this::read).toList());
            }
        }

        assertThat(published).hasSameSizeAs(served).hasSize(17 + 6);
        assertThat(served).as("the events this test is about").anySatisfy(event -> assertThat(
                fieldPaths(event.get("data"), "data.")).contains("data.assessment.inSpecification"))
                .anySatisfy(event -> assertThat(event.get("data").has("deviationReference")).isTrue())
                .anySatisfy(event -> assertThat(event.at("/data/refusal").asText()).isEqualTo("TIME_WINDOW_MISSED"))
                .anySatisfy(event -> assertThat(event.at("/data/refusal").asText())
                        .isEqualTo("SECOND_VERIFIER_REQUIRED"))
                .anySatisfy(event -> assertThat(event.at("/data/refusal").asText()).isEqualTo("IDENTITY_MISMATCH"))
                .anySatisfy(event -> assertThat(event.get("data").has("rejectedAttempt")).isTrue())
                .anySatisfy(event -> assertThat(event.at("/data/identityCheck/patientReferenceDigest").asText())
                        .isEqualTo(Digests.of("PSN-PHI-01")));
        for (JsonNode event : concat(published, served)) {
            assertOnlyAllowedFields(event);
            assertThat(event.toString()).as("no pseudonymous reference in any event").doesNotContain("PSN-PHI-0");
        }
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
        List<ShipmentEventMessage> journey = ShipmentEvents.journey(shipment, Instant.now());
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
                        ? HOLD_FIELDS.keySet() : union(recorded(STAGE_DATA_FIELDS.keySet()),
                                SERVICE_ADDED_FIELDS.keySet());
                assertThat(fieldPaths(data, "data.")).as("step data of %s", event).isSubsetOf(allowed);
            }
            case "STEP_REJECTED" -> {
                Set<String> attempt = recorded(STAGE_DATA_FIELDS.keySet()).stream().map(field -> "data." + field)
                        .collect(Collectors.toSet());
                assertThat(fieldPaths(data, "data.")).as("rejection data of %s", event)
                        .isSubsetOf(union(REJECTION_FIELDS.keySet(), attempt));
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

    private static io.restassured.response.ValidatableResponse step(String coi, String stage, Instant occurredAt,
            Map<String, ?> data, String deviationReference) {
        return Api.given().contentType("application/json")
                .body(Map.of("stage", stage, "occurredAt", occurredAt.toString(), "site", "SITE-LYON-01", "data", data,
                        "deviationReference", deviationReference))
                .post("/api/v1/batches/{coi}/steps", coi).then();
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
