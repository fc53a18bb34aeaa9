package org.vein2vein.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.vein2vein.kernel.Mod37_2;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/**
 * Each client may make {@value #BURST} requests at once and then one every two seconds; beyond,
 * it is answered 429 with Retry-After and nothing is done. Each test acts as a client of its own.
 * The only test class with its own profile: a profile restarts Quarkus and the test infrastructure.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimit.class)
class RateLimitTest {

    static final int BURST = 3;
    private static final String BATCHES = "/api/v1/batches";
    /** A COI with a valid check character that no batch has: a cheap request, answered 404. */
    private static final String UNKNOWN_COI = "V2V0000000000" + Mod37_2.checkCharacter("V2V0000000000");
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    public static class TinyLimit implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // One token every two seconds: the burst is spent long before the first token is back. This
            // host is a trusted proxy, so that a test can name the address a request comes from.
            return Map.of("vein2vein.rate-limit.requests-per-second", "0.5",
                    "vein2vein.rate-limit.burst", Integer.toString(BURST),
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,[::1]");
        }
    }

    @Test
    void theRequestAfterTheBurstIsRefusedWithRetryAfterAndAProblem() {
        String client = newTechnician();
        for (int i = 0; i < BURST; i++) {
            assertThat(readAsIfUnknown(client).statusCode()).isEqualTo(404);
        }

        Response refused = readAsIfUnknown(client);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:vein2vein:problem:too-many-requests");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(refused.jsonPath().getString("instance")).isEqualTo(BATCHES + "/" + UNKNOWN_COI);
        assertThat(refused.jsonPath().getString("detail")).contains("Retry after");
    }

    @Test
    void anotherClientIsNotAffected() {
        String subject = newSubject();
        String greedy = technician(subject, Tokens.TECHNICIAN_ORGANISATION);
        spend(greedy);
        assertThat(readAsIfUnknown(greedy).statusCode()).isEqualTo(429);

        assertThat(readAsIfUnknown(newTechnician()).statusCode()).isEqualTo(404);
        assertThat(readAsIfUnknown(technician(subject, "MFG-GENT")).statusCode())
                .as("the same person id issued by another organisation").isEqualTo(404);
    }

    @Test
    void aRefusedRequestWritesNothing() {
        String client = newTechnician();
        for (int i = 0; i < BURST; i++) {
            assertThat(register(client).statusCode()).isEqualTo(201);
        }
        long batches = count("batch");
        long events = count("custody_event");
        long outbox = count("outbox_message");

        assertThat(register(client).statusCode()).isEqualTo(429);

        assertThat(count("batch")).isEqualTo(batches);
        assertThat(count("custody_event")).isEqualTo(events);
        assertThat(count("outbox_message")).isEqualTo(outbox);
    }

    @Test
    void requestsPassAgainOnceRetryAfterHasPassed() {
        String client = newTechnician();
        spend(client);
        Response refused = readAsIfUnknown(client);
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));

        // Refused requests take no token, so asking early does not push the moment back.
        await().pollDelay(Duration.ofSeconds(retryAfter)).atMost(Duration.ofSeconds(retryAfter + 10))
                .until(() -> readAsIfUnknown(client).statusCode() == 404);
    }

    @Test
    void requestsWithoutAValidTokenAreCountedByAddress() {
        // All anonymous requests of the test run come from this one address; only this test sends them.
        for (int i = 0; i < BURST; i++) {
            assertThat(RestAssured.given().get(BATCHES + "/" + UNKNOWN_COI).statusCode()).isEqualTo(401);
        }

        Response anonymous = RestAssured.given().get(BATCHES + "/" + UNKNOWN_COI);
        Response invalidToken = Api.as("not.a.token").get(BATCHES + "/" + UNKNOWN_COI);
        Response unknownPath = RestAssured.given().get("/api/v1/nothing-here");

        assertThat(List.of(anonymous.statusCode(), invalidToken.statusCode(), unknownPath.statusCode()))
                .containsOnly(429);
        assertThat(anonymous.header("Retry-After")).isNotBlank();
        assertThat(readAsIfUnknown(newTechnician()).statusCode()).as("a verified caller from the same address")
                .isEqualTo(404);
        for (int i = 0; i <= BURST; i++) {
            assertThat(RestAssured.given().get("/q/health/ready").statusCode()).as("health is not limited")
                    .isEqualTo(200);
            assertThat(RestAssured.given().get("/q/openapi").statusCode()).as("the contract is not limited")
                    .isEqualTo(200);
        }
    }

    @Test
    void anonymousRequestsFromOneIpv6SubscriberShareOneAllowance() {
        // One subscriber's /64, as forwarded by the trusted proxy: any address in it is the same client.
        List<String> subscriber = List.of("2001:db8:42:1::1", "2001:db8:42:1::2", "2001:db8:42:1:ffff:0:0:3");
        for (String address : subscriber) {
            assertThat(anonymousFrom(address).statusCode()).isEqualTo(401);
        }

        assertThat(anonymousFrom("2001:db8:42:1::99").statusCode()).isEqualTo(429);
        assertThat(anonymousFrom("2001:db8:42:2::1").statusCode()).as("another subscriber").isEqualTo(401);
    }

    private static Response anonymousFrom(String address) {
        return RestAssured.given().header("X-Forwarded-For", address).get(BATCHES + "/" + UNKNOWN_COI);
    }

    private static String newTechnician() {
        return technician(newSubject(), Tokens.TECHNICIAN_ORGANISATION);
    }

    private static String newSubject() {
        return "tech-rate-" + CLIENTS.incrementAndGet();
    }

    private static String technician(String subject, String organisation) {
        return Tokens.token(subject, Roles.TECHNICIAN, organisation, Tokens.TEST_SITES);
    }

    private static void spend(String client) {
        for (int i = 0; i < BURST; i++) {
            readAsIfUnknown(client);
        }
    }

    private static Response readAsIfUnknown(String client) {
        return Api.as(client).get(BATCHES + "/" + UNKNOWN_COI);
    }

    private static Response register(String client) {
        return Api.as(client).contentType(ContentType.JSON)
                .body(Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-RATE-01", "productCode", "CART-GD2-AUTO",
                        "collectionSite", "SITE-LYON-01"))
                .post(BATCHES);
    }

    private static long count(String table) {
        return Database.count("SELECT count(*) FROM " + table);
    }
}
