package org.vein2vein.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.batch.application.BatchService;
import org.vein2vein.batch.application.RegisterBatch;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.shipment.application.PartnerStream;
import org.vein2vein.shipment.application.ShipmentEventMessage;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.KafkaTopic;
import org.vein2vein.testing.ShipmentEvents;
import org.vein2vein.testing.ShipmentsTopic;
import org.vein2vein.testing.TestInfrastructure;

/**
 * Nothing acknowledged is lost on its way to Kafka: not when Kafka is down, not when a
 * transaction commits late, not when several relays run at once; on either topic.
 */
@QuarkusTest
class OutboxDeliveryTest {

    private static final Caller TECHNICIAN = new Caller("tech-slow", "HOSP-LYON", Set.of(Roles.TECHNICIAN),
            Set.of("SITE-LYON-01"));

    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    BatchService batchService;

    @Inject
    OutboxPublisher publisher;

    @Inject
    KafkaOutboxClients clients;

    @Inject
    OutboxConfig config;

    @Inject
    KafkaDeliveryState kafkaState;

    @Inject
    PartnerStream partnerStream;

    @AfterEach
    void kafkaIsBackForTheNextTest() {
        if (!TestInfrastructure.kafka().isRunning()) {
            TestInfrastructure.kafka().restart();
        }
    }

    @Test
    void stepsAreAcceptedWhileKafkaIsDownAndReachItInOrderOnceItIsBack() throws Exception {
        String first = Api.registerAutologous("PSN-OUTAGE-01");
        String second = Api.registerAutologous("PSN-OUTAGE-02");
        try (CustodyTopic topic = new CustodyTopic()) {
            topic.awaitRecords(first, 1);
            topic.awaitRecords(second, 1);

            TestInfrastructure.kafka().stop();
            // Each batch is collected twice, its material shipped to manufacturing (packed, picked up,
            // delivered, received) and accepted there.
            List<String> stages = List.of("COLLECTED", "COLLECTED", "SHIPPED_TO_MANUFACTURING",
                    "RECEIVED_AT_MANUFACTURING", "ACCEPTED");
            for (String stage : stages) {
                Api.advance(first, stage);
                Api.advance(second, stage);
            }
            List<String> events = List.of("STEP_RECORDED COLLECTED", "STEP_RECORDED COLLECTED",
                    "STEP_RECORDED SHIPPED_TO_MANUFACTURING", "HANDOVER_RELEASED SHIPPED_TO_MANUFACTURING",
                    "HANDOVER_ACCEPTED SHIPPED_TO_MANUFACTURING", "HANDOVER_RELEASED SHIPPED_TO_MANUFACTURING",
                    "STEP_RECORDED RECEIVED_AT_MANUFACTURING", "STEP_RECORDED ACCEPTED");
            assertThat(Database.count("select count(*) from outbox_message where published_at is null "
                    + "and aggregate_id in ('" + first + "', '" + second + "')"))
                    .as("accepted while Kafka is down, waiting in the outbox").isEqualTo(2L * events.size());

            TestInfrastructure.kafka().restart();

            for (String coi : List.of(first, second)) {
                List<ConsumerRecord<String, String>> records = topic.awaitRecords(coi, events.size() + 1);
                assertThat(sequences(records)).containsExactlyElementsOf(oneTo(events.size() + 1));
                assertThat(eventsOf(records).subList(1, records.size())).containsExactlyElementsOf(events);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Database.count("select count(*) from outbox_message "
                + "where published_at is null and aggregate_id in ('" + first + "', '" + second + "')") == 0);
    }

    @Test
    void shipmentEventsSharingALaneWithCustodyEventsWaitOutAnOutageAndReachTheirTopicInOrder() throws Exception {
        String coi = Api.registerAutologous("PSN-TOPICS-01");
        String shipment = ShipmentEvents.newShipmentId();
        while (Outbox.lane(shipment) != Outbox.lane(coi)) {
            shipment = ShipmentEvents.newShipmentId();
        }
        List<ShipmentEventMessage> journey = ShipmentEvents.journey(shipment, Instant.now());
        try (CustodyTopic custody = new CustodyTopic(); ShipmentsTopic shipments = new ShipmentsTopic()) {
            custody.awaitRecords(coi, 1);

            TestInfrastructure.kafka().stop();
            for (ShipmentEventMessage event : journey) {
                QuarkusTransaction.requiringNew().run(() -> partnerStream.publish(event));
                Api.logStep(coi, "COLLECTED").statusCode(201);
            }
            assertThat(Database.count("select count(*) from outbox_message where published_at is null "
                    + "and topic = '" + ShipmentsTopic.TOPIC + "' and aggregate_id = '" + shipment + "'"))
                    .as("shipment events waiting in the outbox").isEqualTo(journey.size());
            assertThat(Database.count("select count(*) from outbox_message where published_at is null "
                    + "and topic = '" + CustodyTopic.TOPIC + "' and aggregate_id = '" + coi + "'"))
                    .as("custody events waiting in the outbox").isEqualTo(journey.size());

            TestInfrastructure.kafka().restart();

            assertThat(sequences(firstCopies(shipments, shipment, journey.size())))
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(sequences(firstCopies(custody, coi, journey.size() + 1)))
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }

    @Test
    void aTransactionThatCommitsAfterALaterOneIsStillPublished() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        try (CustodyTopic topic = new CustodyTopic()) {
            // Holds its outbox row, with the lower id, uncommitted while a later registration commits.
            Future<String> slow = executor.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                String coi = batchService.register(new RegisterBatch(BatchType.AUTOLOGOUS, "PSN-LATE-01",
                        "CART-GD2-AUTO", "SITE-LYON-01", Optional.empty()), TECHNICIAN).state().batch().coi().value();
                written.countDown();
                mayCommit.await(60, TimeUnit.SECONDS);
                return coi;
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();

            String fast = Api.registerAutologous("PSN-LATE-02");
            topic.awaitRecords(fast, 1);

            mayCommit.countDown();
            String late = slow.get(30, TimeUnit.SECONDS);

            assertThat(outboxId(late)).as("the late transaction's row has the lower id").isLessThan(outboxId(fast));
            assertThat(topic.awaitRecords(late, 1)).hasSize(1);
        } finally {
            mayCommit.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void twoRelaysRunningAtOnceNeitherDuplicateNorReorder() throws Exception {
        List<String> cois = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        try (OutboxRelay second = new OutboxRelay("test-relay-2", publisher, () -> clients.producer("test-relay-2"),
                kafkaState, config, () -> {
                }).start();
                CustodyTopic topic = new CustodyTopic()) {
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String coi = Api.registerAutologous("PSN-RELAYS-" + i);
                cois.add(coi);
                // Registered, collected three times, shipped (packed, picked up, delivered), received, accepted.
                expected.put(coi, 1 + 3 + 4 + 1 + 1);
                work.add(writers.submit(() -> {
                    for (String stage : List.of("COLLECTED", "COLLECTED", "COLLECTED", "SHIPPED_TO_MANUFACTURING",
                            "RECEIVED_AT_MANUFACTURING", "ACCEPTED")) {
                        Api.advance(coi, stage);
                        second.wakeUp();
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
            writers.shutdown();

            for (String coi : cois) {
                topic.awaitRecords(coi, expected.get(coi));
            }
            // Give a duplicate, if any relay were to send one, the time to arrive.
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
                topic.poll();
                return true;
            });
            Set<String> ids = new HashSet<>();
            for (String coi : cois) {
                List<ConsumerRecord<String, String>> records = topic.recordsOf(coi);
                assertThat(sequences(records)).as("order of %s", coi)
                        .containsExactlyElementsOf(oneTo(expected.get(coi)));
                records.forEach(record -> assertThat(ids.add(CustodyTopic.header(record, "ce_id").orElseThrow()))
                        .as("no duplicate of %s", record.key()).isTrue());
            }
        }
    }

    /** The records of {@code key} as a consumer that skips the ce_ids it has seen reads them, once there are {@code count}. */
    private static List<ConsumerRecord<String, String>> firstCopies(KafkaTopic topic, String key, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            topic.poll();
            return topic.recordsOf(key).stream().map(record -> KafkaTopic.header(record, "ce_id")).distinct()
                    .count() >= count;
        });
        Set<String> seen = new HashSet<>();
        return topic.recordsOf(key).stream()
                .filter(record -> seen.add(KafkaTopic.header(record, "ce_id").orElseThrow())).toList();
    }

    private List<Long> sequences(List<ConsumerRecord<String, String>> records) throws Exception {
        List<Long> sequences = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            sequences.add(mapper.readTree(record.value()).get("sequence").asLong());
        }
        return sequences;
    }

    /** Each record's event type and stage: {@code STEP_RECORDED COLLECTED}. */
    private List<String> eventsOf(List<ConsumerRecord<String, String>> records) throws Exception {
        List<String> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            com.fasterxml.jackson.databind.JsonNode event = mapper.readTree(record.value());
            events.add(event.get("type").asText() + " " + event.get("stage").asText());
        }
        return events;
    }

    private static List<Long> oneTo(long last) {
        return java.util.stream.LongStream.rangeClosed(1, last).boxed().toList();
    }

    private static long outboxId(String coi) {
        return Database.count("select id from outbox_message where aggregate_id = '" + coi + "'");
    }
}
