package org.vein2vein.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.vein2vein.platform.idempotency.IdempotentExecution;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * The connection to PostgreSQL is lost at the COMMIT of a write: whether it was recorded is unknown, and the
 * answer says so, and how to find out. A test-only trigger holds the commit open (it runs at COMMIT, as a
 * deferred constraint trigger does), so that the test can end the connection there.
 */
@QuarkusTest
class CommitOutcomeUnknownTest {

    private static final String OUTCOME_UNKNOWN = "urn:vein2vein:problem:outcome-unknown";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1")
    URI api;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aStepWhoseCommitIsCutOffIsUnknownAndItsRetryWithTheSameKeyGetsADefiniteAnswer() throws Exception {
        String coi = Api.registerAutologous("PSN-COMMIT-01");
        String key = UUID.randomUUID().toString();
        HttpRequest step = post("/batches/" + coi + "/steps", Tokens.technician(), collected(coi))
                .header(IdempotentExecution.HEADER, key).build();

        HttpResponse<String> cutOff;
        try (CommitTrap trap = CommitTrap.on("custody_event", "coi", coi)) {
            cutOff = trap.cutOff(http.sendAsync(step, HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(cutOff.statusCode()).isEqualTo(500);
        assertThat(cutOff.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonPath problem = JsonPath.from(cutOff.body());
        assertThat(problem.getString("type")).isEqualTo(OUTCOME_UNKNOWN);
        assertThat(problem.getString("detail")).contains("may or may not have been recorded")
                .contains("same " + IdempotentExecution.HEADER).doesNotContain("nothing was recorded");
        assertThat(problem.getString("incident")).isNotBlank();

        HttpResponse<String> retry = http.send(step, HttpResponse.BodyHandlers.ofString());
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JsonPath.from(retry.body()).getInt("event.sequence")).isEqualTo(2);
        HttpResponse<String> again = http.send(step, HttpResponse.BodyHandlers.ofString());
        assertThat(again.headers().firstValue(IdempotentExecution.REPLAYED_HEADER)).hasValue("true");
        assertThat(again.body()).isEqualTo(retry.body());
        assertThat(Database.count("select count(*) from custody_event where coi = '" + coi + "'"))
                .as("the registration and the step, once").isEqualTo(2);
    }

    @Test
    void withoutAKeyTheAnswerSaysToReadTheBatchBeforeSendingItAgain() throws Exception {
        String coi = Api.registerAutologous("PSN-COMMIT-02");
        HttpRequest step = post("/batches/" + coi + "/steps", Tokens.technician(), collected(coi)).build();

        HttpResponse<String> cutOff;
        try (CommitTrap trap = CommitTrap.on("custody_event", "coi", coi)) {
            cutOff = trap.cutOff(http.sendAsync(step, HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(cutOff.statusCode()).isEqualTo(500);
        JsonPath problem = JsonPath.from(cutOff.body());
        assertThat(problem.getString("type")).isEqualTo(OUTCOME_UNKNOWN);
        assertThat(problem.getString("detail")).contains("custody history").contains("recorded twice")
                .doesNotContain("nothing was recorded");
        Api.custody(coi).statusCode(200);
    }

    @Test
    void aSiteChangeWhoseCommitIsCutOffIsUnknown() throws Exception {
        String code = "SITE-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.as(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("code", code, "name", "Commit test site",
                "kind", "COLLECTION", "organisation", "HOSP-LYON")).post("/api/v1/sites").then().statusCode(201);
        HttpRequest change = HttpRequest.newBuilder(URI.create(api + "/sites/" + code))
                .header("Authorization", "Bearer " + Tokens.admin())
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "Renamed", "kind": "TREATMENT", "organisation": "HOSP-LYON", "active": true}"""))
                .build();

        HttpResponse<String> cutOff;
        try (CommitTrap trap = CommitTrap.on("site_revision", "site_code", code)) {
            cutOff = trap.cutOff(http.sendAsync(change, HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(cutOff.statusCode()).isEqualTo(500);
        assertThat(JsonPath.from(cutOff.body()).getString("type")).isEqualTo(OUTCOME_UNKNOWN);
        // Reading the site tells: here the commit did not happen, so the site is still at its first version.
        Api.as(Tokens.qa()).get("/api/v1/sites/{code}", code).then().statusCode(200)
                .header("ETag", "\"1\"").body("name", equalTo("Commit test site"));
    }

    private HttpRequest.Builder post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String collected(String coi) throws JsonProcessingException {
        Instant now = Instant.now();
        return """
                {"stage": "COLLECTED", "occurredAt": "%s", "site": "SITE-LYON-01", "data": %s}""".formatted(now,
                JSON.writeValueAsString(StageSamples.of(coi, "COLLECTED", now, null)));
    }

    /**
     * A deferred constraint trigger on one row of a table: it runs at the COMMIT of the transaction that
     * inserts the row, and sleeps there until the test terminates the connection. Dropped on close.
     */
    private static final class CommitTrap implements AutoCloseable {

        private static final String NAME = "test_sleep_at_commit";
        private final String table;

        private CommitTrap(String table) {
            this.table = table;
        }

        static CommitTrap on(String table, String column, String value) throws SQLException {
            execute("create or replace function " + NAME + "() returns trigger language plpgsql as $$ "
                    + "begin perform pg_sleep(30); return null; end $$");
            execute("create constraint trigger " + NAME + " after insert on " + table
                    + " deferrable initially deferred for each row when (new." + column + " = '" + value + "') "
                    + "execute function " + NAME + "()");
            return new CommitTrap(table);
        }

        /** Waits for the request to sleep in its COMMIT, ends its connection there, and returns its answer. */
        HttpResponse<String> cutOff(CompletableFuture<HttpResponse<String>> answer) throws Exception {
            await().atMost(Duration.ofSeconds(20)).until(() -> Database.count(
                    "select count(*) from pg_stat_activity where wait_event = 'PgSleep'") == 1);
            assertThat(Database.count("select count(*) from pg_stat_activity where wait_event = 'PgSleep' "
                    + "and query ilike 'commit%'")).as("the connection sleeps in its COMMIT").isOne();
            Database.count("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where wait_event = 'PgSleep'");
            return answer.get();
        }

        @Override
        public void close() throws SQLException {
            execute("drop trigger " + NAME + " on " + table);
            execute("drop function " + NAME + "()");
        }

        private static void execute(String sql) throws SQLException {
            try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
