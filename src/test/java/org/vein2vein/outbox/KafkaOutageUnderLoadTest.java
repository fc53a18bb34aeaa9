package org.vein2vein.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.TestInfrastructure;
import org.vein2vein.testing.Tokens;

/**
 * Several lab systems log steps while Kafka goes away and comes back. A partner that reads the
 * topic and skips the {@code ce_id}s it has seen must get every COI's events exactly in ledger order:
 * none missing, none early, and any duplicate identical to the first copy.
 */
@QuarkusTest
class KafkaOutageUnderLoadTest {

    private static final int CLIENTS = 8;
    private static final int BATCHES_PER_CLIENT = 3;
    /** Rows of this test waiting in the outbox before Kafka is started again. */
    private static final int BACKLOG_BEFORE_RESTART = 200;

    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void kafkaIsBackForTheNextTest() {
        if (!TestInfrastructure.kafka().isRunning()) {
            TestInfrastructure.kafka().restart();
        }
    }

    @Test
    void everyCoisEventsReachKafkaInLedgerOrderThroughAnOutageUnderLoad() throws Exception {
        List<LabSystem> labSystems = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            List<String> cois = new ArrayList<>();
            for (int batch = 0; batch < BATCHES_PER_CLIENT; batch++) {
                cois.add(Api.registerAutologous("PSN-LOAD-" + client + "-" + batch));
            }
            labSystems.add(new LabSystem(Tokens.token("tech-load-" + client, Roles.TECHNICIAN,
                    Tokens.TECHNICIAN_ORGANISATION, Tokens.TEST_SITES), cois));
        }
        List<String> cois = labSystems.stream().flatMap(system -> system.cois.stream()).toList();
        String ours = cois.stream().map(coi -> "'" + coi + "'").reduce((a, b) -> a + ", " + b).orElseThrow();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean logging = new AtomicBoolean(true);
        AtomicInteger steps = new AtomicInteger();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<Future<?>> running = new ArrayList<>();
        try (CustodyTopic topic = new CustodyTopic()) {
            for (LabSystem labSystem : labSystems) {
                running.add(clients.submit(() -> labSystem.logStepsWhile(logging, steps, unexpected)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> steps.get() >= CLIENTS * BATCHES_PER_CLIENT);

            TestInfrastructure.kafka().stop();
            await().atMost(Duration.ofSeconds(120)).until(() -> Database.count("select count(*) from outbox_message "
                    + "where published_at is null and aggregate_id in (" + ours + ")") >= BACKLOG_BEFORE_RESTART);
            int stepsBeforeRestart = steps.get();
            TestInfrastructure.kafka().restart();

            // The lab systems go on while the relay drains the backlog.
            await().atMost(Duration.ofSeconds(60)).until(() -> steps.get() >= stepsBeforeRestart + 2 * cois.size());
            logging.set(false);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            assertThat(unexpected).as("answers other than 201").isEmpty();

            Map<String, Long> ledgerLengths = new HashMap<>();
            for (String coi : cois) {
                ledgerLengths.put(coi, Database.count("select count(*) from custody_event where coi = '" + coi + "'"));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                topic.poll();
                return cois.stream().allMatch(coi -> distinctIds(topic.recordsOf(coi)) >= ledgerLengths.get(coi));
            });
            long records = cois.stream().mapToLong(coi -> topic.recordsOf(coi).size()).sum();
            long events = ledgerLengths.values().stream().mapToLong(Long::longValue).sum();
            Log.infof("%d steps logged, %d events of %d COIs on the ledger, %d records on the topic", steps.get(),
                    events, cois.size(), records);
            for (String coi : cois) {
                List<Long> firstCopies = sequencesAsDeduplicated(topic.recordsOf(coi));
                assertThat(firstCopies).as("what a consumer de-duplicating on ce_id reads for %s", coi)
                        .containsExactlyElementsOf(oneTo(ledgerLengths.get(coi)));
            }
            assertThat(Database.count("select count(*) from outbox_message where published_at is null "
                    + "and aggregate_id in (" + ours + ")")).as("rows left unpublished").isZero();
        } finally {
            logging.set(false);
            clients.shutdownNow();
        }
    }

    /** The sequences in the order a consumer that skips seen ce_ids takes them; duplicates must be identical. */
    private List<Long> sequencesAsDeduplicated(List<ConsumerRecord<String, String>> records) throws Exception {
        Map<String, String> firstCopy = new LinkedHashMap<>();
        List<Long> sequences = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String id = CustodyTopic.header(record, "ce_id").orElseThrow();
            String earlier = firstCopy.putIfAbsent(id, record.value());
            if (earlier == null) {
                sequences.add(mapper.readTree(record.value()).get("sequence").asLong());
            } else {
                assertThat(record.value()).as("a duplicate of %s", id).isEqualTo(earlier);
            }
        }
        return sequences;
    }

    private static long distinctIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> CustodyTopic.header(record, "ce_id").orElseThrow()).distinct().count();
    }

    private static List<Long> oneTo(long last) {
        List<Long> sequences = new ArrayList<>();
        for (long sequence = 1; sequence <= last; sequence++) {
            sequences.add(sequence);
        }
        return sequences;
    }

    /** A lab system with a token of its own (so its own rate limit), logging collections of its batches. */
    private record LabSystem(String token, List<String> cois) {

        void logStepsWhile(AtomicBoolean logging, AtomicInteger steps, ConcurrentLinkedQueue<String> unexpected) {
            while (logging.get()) {
                for (String coi : cois) {
                    Instant now = Instant.now();
                    Response answer = Api.as(token).contentType(ContentType.JSON)
                            .body(Map.of("stage", "COLLECTED", "occurredAt", now.toString(), "site", "SITE-LYON-01",
                                    "data", Api.sample(coi, "COLLECTED", now)))
                            .post("/api/v1/batches/{coi}/steps", coi);
                    if (answer.statusCode() == 201) {
                        steps.incrementAndGet();
                    } else if (answer.statusCode() != 429) {
                        unexpected.add(coi + ": " + answer.statusCode() + " " + answer.asString());
                        return;
                    }
                }
            }
        }
    }
}
