package org.vein2vein.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/** A POST sent with an Idempotency-Key takes effect once; its retries get the first answer again. */
@QuarkusTest
class IdempotentWritesTest {

    private static final String REGISTRATION = """
            {"type": "AUTOLOGOUS", "subjectReference": "PSN-IDEM-01", "productCode": "CART-GD2-AUTO",
             "collectionSite": "SITE-LYON-01"}""";
    /** The same registration: other member order, other whitespace. */
    private static final String SAME_REGISTRATION_REFORMATTED = """
            {"collectionSite":"SITE-LYON-01","productCode":"CART-GD2-AUTO","subjectReference":"PSN-IDEM-01","type":"AUTOLOGOUS"}""";
    private static final String OTHER_REGISTRATION = REGISTRATION.replace("PSN-IDEM-01", "PSN-IDEM-02");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IdempotencyKeys keys;

    @Test
    void aRetriedRegistrationReplaysTheFirstAnswerAndRecordsNothingMore() {
        String key = newKey();
        Response first = register(Tokens.technician(), key, REGISTRATION);
        first.then().statusCode(201).header(IdempotentExecution.REPLAYED_HEADER, (String) null);
        Counts before = Counts.now();

        Response retry = register(Tokens.technician(), key, SAME_REGISTRATION_REFORMATTED);

        retry.then().statusCode(201).contentType(ContentType.JSON)
                .header(IdempotentExecution.REPLAYED_HEADER, "true");
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).endsWith(first.path("coi"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void aRetriedStepReplaysTheFirstAnswerEvenAfterTheBatchMovedOn() {
        String coi = Api.registerAutologous("PSN-IDEM-03");
        String key = newKey();
        String step = collected(Instant.now());
        Response first = logStep(key, coi, step);
        first.then().statusCode(201).body("event.sequence", equalTo(2));
        Api.advance(coi, "SHIPPED_TO_MANUFACTURING");
        Counts before = Counts.now();

        Response retry = logStep(key, coi, step);

        retry.then().statusCode(201).header(IdempotentExecution.REPLAYED_HEADER, "true");
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).endsWith("/custody/2");
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).isEqualTo("\"2\"");
        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void theKeyWithAnotherBodyOrPathIsRefusedAndNothingIsWritten() {
        String key = newKey();
        String coi = register(Tokens.technician(), key, REGISTRATION).then().statusCode(201).extract().path("coi");
        Counts before = Counts.now();

        register(Tokens.technician(), key, OTHER_REGISTRATION).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:idempotency-key-reused"))
                .body("instance", equalTo("/api/v1/batches"));
        logStep(key, coi, collected(Instant.now())).then().statusCode(422)
                .body("type", equalTo("urn:vein2vein:problem:idempotency-key-reused"));

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void keysAreScopedToTheClientThatSentThem() {
        String key = newKey();
        String otherTechnician = Tokens.token("tech-other", Roles.TECHNICIAN, Tokens.TECHNICIAN_ORGANISATION,
                Tokens.TEST_SITES);
        String sameSubjectOtherOrganisation = Tokens.token(Tokens.TECHNICIAN_ID, Roles.TECHNICIAN, "HOSP-OTHER",
                Tokens.TEST_SITES);

        Response mine = register(Tokens.technician(), key, REGISTRATION);
        Response theirs = register(otherTechnician, key, REGISTRATION);
        Response otherOrganisation = register(sameSubjectOtherOrganisation, key, REGISTRATION);

        for (Response response : List.of(mine, theirs, otherOrganisation)) {
            response.then().statusCode(201).header(IdempotentExecution.REPLAYED_HEADER, (String) null);
        }
        assertThat(List.<String>of(mine.path("coi"), theirs.path("coi"), otherOrganisation.path("coi")))
                .doesNotHaveDuplicates();
    }

    @Test
    void aQuotedKeyAsTheDraftSendsItIsTheSameKeyAsTheBareOne() {
        String key = newKey();
        Response bare = register(Tokens.technician(), key, REGISTRATION);
        Response quoted = register(Tokens.technician(), "\"" + key + "\"", REGISTRATION);

        quoted.then().statusCode(201).header(IdempotentExecution.REPLAYED_HEADER, "true");
        assertThat(quoted.asString()).isEqualTo(bare.asString());
    }

    @Test
    void aRefusedRequestStoresNoKeySoItsRetryIsDecidedAnew() {
        String coi = Api.registerAutologous("PSN-IDEM-04");
        String key = newKey();
        Instant now = Instant.now();
        String infusion = """
                {"stage": "INFUSED", "occurredAt": "%s", "site": "SITE-LYON-01", "data": %s}""".formatted(now,
                json(StageSamples.of(coi, "INFUSED", now, "PSN-IDEM-04")));

        logStep(key, coi, infusion).then().statusCode(409)
                .body("type", equalTo("urn:vein2vein:problem:step-out-of-order"));
        assertThat(storedKeys(key)).isZero();

        logStep(key, coi, collected(Instant.now())).then().statusCode(201)
                .header(IdempotentExecution.REPLAYED_HEADER, (String) null);
        assertThat(storedKeys(key)).isOne();
    }

    @Test
    void aKeyIsKeptForTheRetentionPeriod() {
        String key = newKey();
        register(Tokens.technician(), key, REGISTRATION).then().statusCode(201);

        assertThat(Database.count("select extract(epoch from expires_at - created_at)::bigint from idempotency_key"
                + " where idempotency_key = '" + key + "'")).isEqualTo(ChronoUnit.DAYS.getDuration().toSeconds());
    }

    @Test
    void anExpiredKeyIsForgottenEvenBeforeItIsPurged() {
        String key = newKey();
        String first = register(Tokens.technician(), key, REGISTRATION).then().statusCode(201).extract().path("coi");
        expire(key);

        Response again = register(Tokens.technician(), key, OTHER_REGISTRATION);

        again.then().statusCode(201).header(IdempotentExecution.REPLAYED_HEADER, (String) null);
        assertThat(again.<String>path("coi")).isNotEqualTo(first);
        register(Tokens.technician(), key, OTHER_REGISTRATION).then().statusCode(201)
                .header(IdempotentExecution.REPLAYED_HEADER, "true");
    }

    @Test
    void thePurgeDeletesExpiredKeysOnlyAndAPurgedKeyCanBeUsedAgain() {
        String expiring = newKey();
        String live = newKey();
        String first = register(Tokens.technician(), expiring, REGISTRATION).then().statusCode(201)
                .extract().path("coi");
        register(Tokens.technician(), live, REGISTRATION).then().statusCode(201);
        expire(expiring);

        assertThat(keys.purgeExpired(Instant.now())).isPositive();

        assertThat(storedKeys(expiring)).isZero();
        assertThat(storedKeys(live)).isOne();
        Response reused = register(Tokens.technician(), expiring, REGISTRATION);
        reused.then().statusCode(201).header(IdempotentExecution.REPLAYED_HEADER, (String) null);
        assertThat(reused.<String>path("coi")).isNotEqualTo(first);
    }

    @Test
    void aMalformedKeyIsAnInvalidRequestAndNothingIsWritten() {
        Counts before = Counts.now();
        for (String key : List.of("", "k".repeat(256), "\"unterminated", "\"\"")) {
            register(Tokens.technician(), key, REGISTRATION).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                    .body("violations[0].field", equalTo("header.Idempotency-Key"));
        }
        assertThat(Counts.now()).isEqualTo(before);
    }

    private static Response register(String token, String key, String body) {
        return Api.as(token).header(IdempotentExecution.HEADER, key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/batches");
    }

    private static Response logStep(String key, String coi, String body) {
        return Api.given().header(IdempotentExecution.HEADER, key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/batches/{coi}/steps", coi);
    }

    /** A valid collection, with a donation id of its own: a retry must send the very same text. */
    static String collected(Instant occurredAt) {
        return """
                {"stage": "COLLECTED", "occurredAt": "%s", "site": "SITE-LYON-01",
                 "data": %s}""".formatted(occurredAt, json(StageSamples.of("", "COLLECTED", occurredAt, null)));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static long storedKeys(String key) {
        return Database.count("select count(*) from idempotency_key where idempotency_key = '" + key + "'");
    }

    private static void expire(String key) {
        assertThat(Database.count("with expired as (update idempotency_key set expires_at = now() - interval "
                + "'1 second' where idempotency_key = '" + key + "' returning 1) select count(*) from expired"))
                .isOne();
    }

    /** Rows in every table a write could reach. */
    record Counts(long batches, long custodyEvents, long outboxMessages, long idempotencyKeys) {

        static Counts now() {
            return new Counts(Database.count("select count(*) from batch"),
                    Database.count("select count(*) from custody_event"),
                    Database.count("select count(*) from outbox_message"),
                    Database.count("select count(*) from idempotency_key"));
        }
    }
}
