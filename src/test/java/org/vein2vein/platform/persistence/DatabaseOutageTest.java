package org.vein2vein.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.vein2vein.clock.ClockTesting;
import org.vein2vein.platform.embedded.EmbeddedPostgresServer;
import org.vein2vein.platform.idempotency.IdempotentExecution;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.TestInfrastructure;
import org.vein2vein.testing.Tokens;

/**
 * PostgreSQL stops under the running service: the requests it catches are answered 503 with Retry-After and
 * write nothing, or, caught at the commit, say that their outcome is unknown; once PostgreSQL is back, the
 * service serves again without a restart.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String UNAVAILABLE = "urn:vein2vein:problem:service-unavailable";
    private static final String OUTCOME_UNKNOWN = "urn:vein2vein:problem:outcome-unknown";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOAD_CLIENTS = 4;

    private final EmbeddedPostgresServer postgres = TestInfrastructure.postgres();

    @AfterEach
    void databaseIsBack() {
        if (!postgres.isRunning()) {
            postgres.restart();
        }
        // The pool drops the connections the stop broke; later tests find the service as before.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.as(Tokens.qa()).get("/api/v1/sites").then()
                .statusCode(200));
    }

    @Test
    void whileTheDatabaseIsDownEveryRequestIsAnsweredServiceUnavailableAndWritesNothing() {
        String coi = Api.registerAutologous("PSN-OUTAGE-01");
        String clockProduct = ClockTesting.productWithCollectionToReceipt(Duration.ofSeconds(1));
        String site = "SITE-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.as(Tokens.admin()).contentType(ContentType.JSON).body(site(site)).post("/api/v1/sites").then()
                .statusCode(201);
        ObjectNode product = productLike("CART-GD2-AUTO");
        String registrationKey = UUID.randomUUID().toString();
        String stepKey = UUID.randomUUID().toString();
        String registration = registration("PSN-OUTAGE-02");
        String step = collected(coi);
        Rows before = Rows.now(site, List.of(registrationKey, stepKey));

        postgres.stop();
        Map<String, Supplier<Response>> writes = Map.of(
                "register", () -> Api.given().contentType(ContentType.JSON).body(registration).post("/api/v1/batches"),
                "register with a key", () -> Api.given().header(IdempotentExecution.HEADER, registrationKey)
                        .contentType(ContentType.JSON).body(registration).post("/api/v1/batches"),
                "log a step with a key", () -> Api.given().header(IdempotentExecution.HEADER, stepKey)
                        .contentType(ContentType.JSON).body(step).post("/api/v1/batches/{coi}/steps", coi),
                "log a step", () -> Api.given().contentType(ContentType.JSON).body(step)
                        .post("/api/v1/batches/{coi}/steps", coi),
                "create a site", () -> admin().body(site("SITE-T-NEVER-01")).post("/api/v1/sites"),
                "change a site", () -> admin().header("If-Match", "\"1\"").body(Map.of("name", "Renamed",
                        "kind", "TREATMENT", "organisation", "HOSP-LYON", "active", true))
                        .put("/api/v1/sites/{code}", site),
                "create a product", () -> admin().body(product.toString()).post("/api/v1/products"),
                "change a product", () -> admin().header("If-Match", "\"1\"").body(product.toString())
                        .put("/api/v1/products/{code}", product.get("code").asText()));
        Map<String, Supplier<Response>> reads = Map.of(
                "read a batch", () -> Api.as(Tokens.qa()).get("/api/v1/batches/{coi}", coi),
                "read a ledger", () -> Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/custody", coi),
                "read a batch's clocks", () -> Api.as(Tokens.qa()).get("/api/v1/batches/{coi}/clocks", coi),
                "list the sites", () -> Api.as(Tokens.qa()).get("/api/v1/sites"),
                "read a product", () -> Api.as(Tokens.qa()).get("/api/v1/products/{code}", "CART-GD2-AUTO"));
        writes.forEach((what, request) -> assertUnavailable(what, request.get())
                .body("detail", containsString("nothing was recorded")));
        reads.forEach((what, request) -> assertUnavailable(what, request.get())
                .body("detail", not(containsString("recorded"))));
        postgres.restart();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.batch(coi).statusCode(200));
        assertThat(Rows.now(site, List.of(registrationKey, stepKey))).isEqualTo(before);
        // No key was kept for the refused requests: sent again, they are carried out now, not replayed.
        Api.given().header(IdempotentExecution.HEADER, registrationKey).contentType(ContentType.JSON)
                .body(registration).post("/api/v1/batches").then().statusCode(201)
                .header(IdempotentExecution.REPLAYED_HEADER, (String) null);
        Api.given().header(IdempotentExecution.HEADER, stepKey).contentType(ContentType.JSON).body(step)
                .post("/api/v1/batches/{coi}/steps", coi).then().statusCode(201)
                .header(IdempotentExecution.REPLAYED_HEADER, (String) null)
                .body("event.sequence", equalTo(2));
        // The clock watcher's rounds failed all along the outage, and it still watches: a window that ran out
        // is recorded.
        String clocked = ClockTesting.register(clockProduct);
        ClockTesting.logStep(clocked, "COLLECTED", Instant.now().minusSeconds(10));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ClockTesting.count(clocked, ClockTesting.BREACH)).isOne());
        ClockTesting.cancel(clocked);
    }

    @Test
    void requestsTheOutageCatchesAreAnsweredTruthfully() throws Exception {
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(LOAD_CLIENTS);
        List<Future<?>> load = new ArrayList<>();
        try {
            for (int client = 0; client < LOAD_CLIENTS; client++) {
                // Each load client is a technician of its own, within its own rate limit.
                String token = Tokens.token("tech-outage-" + client, Roles.TECHNICIAN, Tokens.TECHNICIAN_ORGANISATION,
                        Tokens.TEST_SITES);
                load.add(clients.submit(() -> {
                    while (loading.get()) {
                        attempts.add(Attempt.register(token));
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count(attempts, 201) >= 2 * LOAD_CLIENTS);
            postgres.stop();
            await().atMost(Duration.ofSeconds(60)).until(() -> count(attempts, 503) >= 2 * LOAD_CLIENTS);
            postgres.restart();
            long recordedBeforeTheOutageEnded = count(attempts, 201);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count(attempts, 201) >= recordedBeforeTheOutageEnded + 2 * LOAD_CLIENTS);
        } finally {
            loading.set(false);
            for (Future<?> client : load) {
                client.get();
            }
            clients.shutdown();
        }

        assertThat(attempts).allSatisfy(Attempt::assertAnsweredTruthfully);
        for (Attempt attempt : attempts) {
            Response retry = attempt.again();
            retry.then().statusCode(201);
            if (attempt.status() == 201) {
                retry.then().header(IdempotentExecution.REPLAYED_HEADER, "true");
                assertThat(retry.asString()).isEqualTo(attempt.answer().asString());
            } else if (attempt.status() == 503) {
                // It said nothing was recorded: the retry is carried out now.
                retry.then().header(IdempotentExecution.REPLAYED_HEADER, (String) null);
            }
            assertThat(Database.count("select count(*) from batch where subject_reference = '"
                    + attempt.subjectReference() + "'")).as("batches of %s", attempt.subjectReference()).isOne();
        }
    }

    private static io.restassured.response.ValidatableResponse assertUnavailable(String what, Response answer) {
        assertThat(answer.statusCode()).as(what).isEqualTo(503);
        assertThat(answer.header("Retry-After")).as(what).isEqualTo("5");
        return answer.then().contentType("application/problem+json").body("type", equalTo(UNAVAILABLE));
    }

    private static long count(ConcurrentLinkedQueue<Attempt> attempts, int status) {
        return attempts.stream().filter(attempt -> attempt.status() == status).count();
    }

    private static RequestSpecification admin() {
        return Api.as(Tokens.admin()).contentType(ContentType.JSON);
    }

    private static Map<String, Object> site(String code) {
        return Map.of("code", code, "name", "Outage test site", "kind", "COLLECTION", "organisation", "HOSP-LYON");
    }

    private static ObjectNode productLike(String seeded) {
        ObjectNode body = JSON.valueToTree(Api.as(Tokens.admin()).get("/api/v1/products/{code}", seeded).then()
                .statusCode(200).extract().as(Map.class));
        body.remove("version");
        body.remove("createdAt");
        body.remove("createdBy");
        return body.put("code", "CART-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    }

    private static String registration(String subjectReference) {
        return """
                {"type": "AUTOLOGOUS", "subjectReference": "%s", "productCode": "CART-GD2-AUTO",
                 "collectionSite": "SITE-LYON-01"}""".formatted(subjectReference);
    }

    private static String collected(String coi) {
        Instant now = Instant.now();
        try {
            return """
                    {"stage": "COLLECTED", "occurredAt": "%s", "site": "SITE-LYON-01", "data": %s}""".formatted(now,
                    JSON.writeValueAsString(StageSamples.of(coi, "COLLECTED", now, null)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One registration of the load, with its key and the answer it got. */
    private record Attempt(String token, String key, String subjectReference, Response answer) {

        private static final java.util.concurrent.atomic.AtomicLong REFERENCES = new java.util.concurrent.atomic.AtomicLong();

        static Attempt register(String token) {
            String key = UUID.randomUUID().toString();
            // A pseudonym has a digit and no calendar date: letters around a counter, never random hex.
            String subjectReference = "PSN-LOAD-K" + REFERENCES.incrementAndGet() + "X";
            return new Attempt(token, key, subjectReference, send(token, key, subjectReference));
        }

        int status() {
            return answer.statusCode();
        }

        Response again() {
            return send(token, key, subjectReference);
        }

        /** Recorded, nothing recorded and try again, or: unknown, retry with the key to find out. Never more. */
        void assertAnsweredTruthfully() {
            switch (status()) {
                case 201 -> answer.then().body("subjectReference", equalTo(subjectReference));
                case 503 -> {
                    answer.then().body("type", equalTo(UNAVAILABLE))
                            .body("detail", containsString("nothing was recorded"));
                    assertThat(answer.header("Retry-After")).isEqualTo("5");
                }
                case 500 -> answer.then().body("type", equalTo(OUTCOME_UNKNOWN))
                        .body("detail", containsString(IdempotentExecution.HEADER));
                default -> throw new AssertionError("unexpected answer " + status() + ": " + answer.asString());
            }
        }

        private static Response send(String token, String key, String subjectReference) {
            return Api.as(token).header(IdempotentExecution.HEADER, key).contentType(ContentType.JSON)
                    .body(registration(subjectReference)).post("/api/v1/batches");
        }
    }

    /** Rows the requests above could have written; other tests' keys are purged when they expire, so not all keys. */
    private record Rows(long batches, long custodyEvents, long outboxMessages, long idempotencyKeys, long sites,
            long siteRevisions, long productVersions) {

        static Rows now(String site, List<String> keys) {
            return new Rows(Database.count("select count(*) from batch"),
                    Database.count("select count(*) from custody_event"),
                    Database.count("select count(*) from outbox_message"),
                    Database.count("select count(*) from idempotency_key where idempotency_key in ('"
                            + String.join("', '", keys) + "')"),
                    Database.count("select count(*) from site"),
                    Database.count("select count(*) from site_revision where site_code = '" + site + "'"),
                    Database.count("select count(*) from product_version"));
        }
    }
}
