package org.vein2vein.clock.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.clock.ClockTesting;
import org.vein2vein.clock.domain.WindowClock;
import org.vein2vein.kernel.Stage;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.CustodyTopic;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Shipping;
import org.vein2vein.testing.Tokens;

/**
 * The watcher records each warning and each breach of a running clock once: in the ledger and so on
 * Kafka, however many watchers run at once and across restarts; a clock stopped in time records
 * nothing.
 */
@QuarkusTest
class ClockWatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPLICAS = 8;

    @Inject
    ClockWatch watch;
    @Inject
    ClockService clocks;
    @Inject
    ClockAlarmRecorder alarms;
    @Inject
    ClockConfig config;
    @Inject
    Clock clock;
    @Inject
    Scheduler scheduler;

    private final List<String> batches = new ArrayList<>();

    @AfterEach
    void endTheJourneys() {
        // Whatever a test left running stops here, so no event of it turns up in a later test.
        watch.startWatching();
        batches.forEach(ClockTesting::cancel);
        batches.clear();
    }

    @Test
    void aRunningClockWarnsThenBreachesOnceInTheLedgerAndOnKafka() throws Exception {
        String coi = batchOn(ClockTesting.WATCHED_WINDOW);

        try (CustodyTopic topic = new CustodyTopic()) {
            // Its warning is due at once and its breach ten seconds later: many rounds of the watcher apart.
            Instant collected = ClockTesting.collectedWithTheWarningDue();
            Instant warningDue = collected.plus(Duration.ofSeconds(40));
            Instant deadline = collected.plus(ClockTesting.WATCHED_WINDOW);
            ClockTesting.logStep(coi, "COLLECTED", collected);
            Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/clocks", coi).then().statusCode(200)
                    .body("clocks", hasSize(1))
                    .body("clocks[0].window", equalTo(ClockTesting.WINDOW))
                    .body("clocks[0].state", equalTo("WARNING"))
                    .body("clocks[0].deadline", equalTo(deadline.toString()));

            await().atMost(Duration.ofSeconds(30)).until(() -> ClockTesting.count(coi, ClockTesting.WARNING) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> ClockTesting.count(coi, ClockTesting.BREACH) == 1);
            assertNoDuplicatesForAWhile(coi);

            JsonNode warning = ClockTesting.eventsOf(coi, ClockTesting.WARNING).get(0);
            JsonNode breach = ClockTesting.eventsOf(coi, ClockTesting.BREACH).get(0);
            assertThat(warning.get("sequence").asLong()).isEqualTo(3);
            assertThat(breach.get("sequence").asLong()).isEqualTo(4);
            assertThat(Instant.parse(warning.get("occurredAt").asText()))
                    .as("when 80 %% of the window had elapsed").isEqualTo(warningDue);
            assertThat(Instant.parse(breach.get("occurredAt").asText())).as("the deadline").isEqualTo(deadline);
            for (JsonNode event : List.of(warning, breach)) {
                assertThat(event.get("stage").asText()).isEqualTo("COLLECTED");
                assertThat(event.get("site").asText()).isEqualTo("SITE-LYON-01");
                assertThat(event.get("actor")).isEqualTo(JSON.readTree(
                        "{\"id\": \"vein2vein-clock\", \"role\": \"system\", \"organisation\": \"VEIN2VEIN\"}"));
                JsonNode data = event.get("data");
                assertThat(data.get("window").asText()).isEqualTo(ClockTesting.WINDOW);
                assertThat(data.has("unitId")).as("a batch-level clock names no unit").isFalse();
                assertThat(data.get("fromStage").asText()).isEqualTo("COLLECTED");
                assertThat(data.get("toStage").asText()).isEqualTo("RECEIVED_AT_MANUFACTURING");
                assertThat(data.get("startedAt").asText()).isEqualTo(collected.toString());
                assertThat(data.get("deadline").asText()).isEqualTo(deadline.toString());
                assertThat(data.get("max").asText()).isEqualTo("PT50S");
            }
            assertThat(warning.get("data").get("elapsedPercent").asInt()).isEqualTo(80);
            assertThat(warning.get("data").has("overrunBy")).isFalse();
            assertThat(Duration.parse(breach.get("data").get("overrunBy").asText()).isNegative()).isFalse();
            assertThat(breach.get("data").has("elapsedPercent")).isFalse();

            List<ConsumerRecord<String, String>> records = topic.awaitRecords(coi, 4);
            assertThat(records.stream().map(record -> CustodyTopic.header(record, "ce_type").orElseThrow()).toList())
                    .containsExactly("org.vein2vein.custody.batch-registered.v1",
                            "org.vein2vein.custody.step-recorded.v1",
                            "org.vein2vein.custody.time-window-warning-issued.v1",
                            "org.vein2vein.custody.time-window-breached.v1");
            assertThat(JSON.readTree(records.get(3).value()).get("hash").asText())
                    .isEqualTo(breach.get("hash").asText());

            Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/clocks", coi).then().statusCode(200)
                    .body("clocks[0].state", equalTo("BREACHED"))
                    .body("clocks[0].remaining", startsWith("-PT"));
            ClockTesting.cancel(coi);
            batches.remove(coi);
            Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/clocks", coi).then().statusCode(200)
                    .body("clocks", hasSize(0));
            topic.awaitRecords(coi, 5);
            topic.poll();
            assertThat(topic.recordsOf(coi)).as("nothing more after the end of the journey").hasSize(5);
        }
    }

    @Test
    void manyWatchersAtOnceRecordEachWarningAndBreachOnce() throws Exception {
        watch.stopWatching();
        String coi = batchOn(Duration.ofSeconds(40));
        // 35 of 40 seconds elapsed: the warning is due, the breach five seconds later.
        ClockTesting.logStep(coi, "COLLECTED", Instant.now().minusSeconds(35));

        roundsAtOnce();
        assertThat(ClockTesting.count(coi, ClockTesting.WARNING)).isEqualTo(1);
        assertThat(ClockTesting.count(coi, ClockTesting.BREACH)).isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            roundsAtOnce();
            return ClockTesting.count(coi, ClockTesting.BREACH) > 0;
        });
        roundsAtOnce();
        assertThat(ClockTesting.count(coi, ClockTesting.WARNING)).isEqualTo(1);
        assertThat(ClockTesting.count(coi, ClockTesting.BREACH)).isEqualTo(1);
        assertThat(ClockTesting.ledger(coi)).extracting(event -> event.get("sequence").asLong())
                .containsExactly(1L, 2L, 3L, 4L);
        WindowClock marked = stored(coi);
        assertThat(marked.warnedAt()).isPresent();
        assertThat(marked.breachedAt()).isPresent();
        assertThat(marked.warnedAt().get()).isBefore(marked.breachedAt().get());
    }

    @Test
    void aClockFirstSeenPastItsDeadlineRecordsOnlyTheBreach() throws Exception {
        watch.stopWatching();
        String coi = batchOn(Duration.ofSeconds(4));
        ClockTesting.logStep(coi, "COLLECTED", Instant.now().minusSeconds(60));

        roundsAtOnce();
        roundsAtOnce();

        assertThat(ClockTesting.count(coi, ClockTesting.BREACH)).isEqualTo(1);
        assertThat(ClockTesting.count(coi, ClockTesting.WARNING)).as("a late warning is noise").isZero();
        WindowClock marked = stored(coi);
        assertThat(marked.warnedAt()).as("no warning will follow").isEqualTo(marked.breachedAt());
        assertThat(marked.breachedAt()).isPresent();
    }

    @Test
    void aRestartedWatcherRecordsNothingTwice() {
        watch.stopWatching();
        String coi = batchOn(ClockTesting.WATCHED_WINDOW);
        ClockTesting.logStep(coi, "COLLECTED", ClockTesting.collectedWithTheWarningDue());

        ClockWatch first = freshWatcher();
        first.startWatching();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ClockTesting.count(coi, ClockTesting.WARNING) == 1);
        } finally {
            first.stopWatching();
        }
        ClockWatch second = freshWatcher();
        second.startWatching();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ClockTesting.count(coi, ClockTesting.BREACH) == 1);
            assertNoDuplicatesForAWhile(coi);
        } finally {
            second.stopWatching();
        }
        freshWatcher().round();
        freshWatcher().round();

        assertThat(ClockTesting.count(coi, ClockTesting.WARNING)).isEqualTo(1);
        assertThat(ClockTesting.count(coi, ClockTesting.BREACH)).isEqualTo(1);
    }

    @Test
    void aClockStoppedInTimeNeverWarns() {
        // The watcher rests while the material travels, so a slow shipment here cannot make it warn.
        watch.stopWatching();
        String coi = batchOn(Duration.ofSeconds(3));
        Instant collected = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ClockTesting.logStep(coi, "COLLECTED", collected);
        Instant packed = collected.plusMillis(500);
        Instant received = packed.plusMillis(30);
        Shipping.toManufacturing(coi, packed);
        Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/clocks", coi).then().statusCode(200)
                .body("clocks", hasSize(0));

        Instant pastTheDeadline = collected.plusSeconds(4);
        await().atMost(Duration.ofSeconds(15)).until(() -> clock.instant().isAfter(pastTheDeadline));
        watch.startWatching();
        watch.round();

        List<JsonNode> ledger = ClockTesting.ledger(coi);
        assertThat(ledger).extracting(event -> event.get("type").asText())
                .filteredOn(type -> !type.startsWith("HANDOVER_"))
                .containsExactly("BATCH_REGISTERED", "STEP_RECORDED", "STEP_RECORDED", "STEP_RECORDED");
        assertThat(ledger).filteredOn(event -> event.get("type").asText().equals("STEP_RECORDED"))
                .extracting(event -> event.get("stage").asText())
                .containsExactly("COLLECTED", "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING");
        WindowClock stopped = QuarkusTransaction.requiringNew()
                .call(() -> clocks.find(coi, WindowClock.BATCH_LEVEL, ClockTesting.WINDOW)).orElseThrow();
        assertThat(stopped.stoppedAt()).contains(received);
        assertThat(stopped.warnedAt()).isEmpty();
        assertThat(stopped.breachedAt()).isEmpty();
    }

    /** A batch of a new product whose collection-to-receipt window lasts {@code window}. */
    private String batchOn(Duration window) {
        String coi = ClockTesting.register(ClockTesting.productWithCollectionToReceipt(window));
        batches.add(coi);
        return coi;
    }

    /** A watcher as another replica, or this one after a restart, would start it: nothing in memory. */
    private ClockWatch freshWatcher() {
        return new ClockWatch(clocks, alarms, config, clock, scheduler);
    }

    /** One round on each of {@link #REPLICAS} fresh watchers, all started at the same moment. */
    private void roundsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(REPLICAS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                ClockWatch replica = freshWatcher();
                rounds.add(threads.submit(() -> {
                    go.await();
                    return replica.round();
                }));
            }
            go.countDown();
            for (Future<Integer> round : rounds) {
                round.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Several watcher rounds long, the batch keeps exactly one warning and one breach. */
    private static void assertNoDuplicatesForAWhile(String coi) {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() ->
                ClockTesting.count(coi, ClockTesting.WARNING) == 1 && ClockTesting.count(coi, ClockTesting.BREACH) == 1);
    }

    /** The clock of the batch's collection-to-receipt window, as stored. */
    private static WindowClock stored(String coi) throws SQLException {
        try (Connection connection = Database.connect(); PreparedStatement query = connection.prepareStatement(
                "select * from window_clock where coi = ? and unit_id = '' and window_name = ?")) {
            query.setString(1, coi);
            query.setString(2, ClockTesting.WINDOW);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the clock of %s", coi).isTrue();
                return new WindowClock(coi, "", ClockTesting.WINDOW,
                        Stage.valueOf(row.getString("from_stage")),
                        Stage.valueOf(row.getString("to_stage")),
                        instant(row, "started_at").orElseThrow(), instant(row, "deadline").orElseThrow(),
                        instant(row, "stopped_at"), instant(row, "warned_at"), instant(row, "breached_at"));
            }
        }
    }

    private static java.util.Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return java.util.Optional.ofNullable(value).map(Timestamp::toInstant);
    }
}
