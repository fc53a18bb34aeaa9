package org.vein2vein.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Tokens;

/**
 * An administrator creates, reads and changes sites. A change requires If-Match: without it 428,
 * against an older version 412; either way nothing is written.
 */
@QuarkusTest
class SiteRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/sites")
    URI sites;

    @Test
    void anAdministratorCreatesReadsAndChangesASiteEachChangeAsANewVersion() {
        String code = Sites.newCode();

        Response created = Sites.asAdmin().contentType(ContentType.JSON).body(Sites.newSite(code)).post(Sites.PATH);

        created.then().statusCode(201).contentType(ContentType.JSON)
                .header("ETag", "\"1\"")
                .body("code", equalTo(code)).body("kind", equalTo("COLLECTION")).body("active", equalTo(true))
                .body("version", equalTo(1));
        assertThat(created.header("Location")).isEqualTo(Sites.PATH + "/" + code);
        Api.as(Tokens.technician()).get(created.header("Location")).then().statusCode(200)
                .header("ETag", "\"1\"").body("name", equalTo("Hospices Civils de Lyon, apheresis unit"));

        Sites.update(code, "\"1\"", Sites.changes("Hôpital Édouard Herriot (HCL), cell therapy unit", true))
                .statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("kind", equalTo("TREATMENT"))
                .body("name", equalTo("Hôpital Édouard Herriot (HCL), cell therapy unit"));
        Sites.update(code, "\"2\"", Sites.changes("Hôpital Édouard Herriot (HCL), cell therapy unit", false))
                .statusCode(200).header("ETag", "\"3\"").body("active", equalTo(false));

        Sites.read(code).statusCode(200).header("ETag", "\"3\"").body("version", equalTo(3))
                .body("active", equalTo(false)).body("kind", equalTo("TREATMENT"));
        assertThat(Sites.revisionsOf(code)).isEqualTo(3);
    }

    @Test
    void aSecondSiteWithTheSameCodeIsAConflictAndWritesNothing() {
        String code = Sites.newCode();
        Sites.create(code).statusCode(201);
        Sites.Rows before = Sites.Rows.now();

        Sites.create(code).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:site-exists"))
                .body("code", equalTo(code));

        assertThat(Sites.Rows.now()).isEqualTo(before);
    }

    @Test
    void anUnknownSiteIsNotFound() {
        String code = Sites.newCode();
        Sites.read(code).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:site-not-found"))
                .body("instance", equalTo(Sites.PATH + "/" + code));
        Sites.update(code, "\"1\"", Sites.changes("Nowhere", true)).statusCode(404)
                .body("type", equalTo("urn:vein2vein:problem:site-not-found"));
        Api.as(Tokens.qa()).get(Sites.PATH + "/{code}/revisions", code).then().statusCode(404)
                .body("type", equalTo("urn:vein2vein:problem:site-not-found"));
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = { "", "*" })
    void aChangeWithoutIfMatchIsRefusedAsPreconditionRequiredAndWritesNothing(String ifMatch) {
        String code = Sites.newCode();
        Sites.create(code).statusCode(201);
        Sites.Rows before = Sites.Rows.now();

        Sites.update(code, ifMatch.isEmpty() ? null : ifMatch, Sites.changes("Renamed", true))
                .statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:precondition-required"))
                .body("status", equalTo(428));

        assertThat(Sites.Rows.now()).isEqualTo(before);
        Sites.read(code).body("version", equalTo(1)).body("name", equalTo("Hospices Civils de Lyon, apheresis unit"));
    }

    @Test
    void aChangeAgainstAnOlderVersionFailsItsPreconditionNamesTheCurrentOneAndWritesNothing() {
        String code = Sites.newCode();
        Sites.create(code).statusCode(201);
        Sites.update(code, "\"1\"", Sites.changes("First change", true)).statusCode(200);
        Sites.Rows before = Sites.Rows.now();

        Sites.update(code, "\"1\"", Sites.changes("Lost update", true)).statusCode(412)
                .contentType("application/problem+json")
                .header("ETag", "\"2\"")
                .body("type", equalTo("urn:vein2vein:problem:precondition-failed"))
                .body("currentVersion", equalTo(2));

        assertThat(Sites.Rows.now()).isEqualTo(before);
        assertThat(Sites.revisionsOf(code)).isEqualTo(2);
        Sites.read(code).body("name", equalTo("First change"));
    }

    @Test
    void aWeakEtagNeverMatches() {
        String code = Sites.newCode();
        Sites.create(code).statusCode(201);

        Sites.update(code, "W/\"1\"", Sites.changes("Renamed", true)).statusCode(412).header("ETag", "\"1\"")
                .body("type", equalTo("urn:vein2vein:problem:precondition-failed"));

        assertThat(Sites.revisionsOf(code)).isEqualTo(1);
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = { "1", "\"one\"", "\"1\", \"2\"", "\"-1\"", "\"1", "\"1234567890123456789\"" })
    void aMalformedIfMatchIsAnInvalidRequestAndWritesNothing(String ifMatch) {
        String code = Sites.newCode();
        Sites.create(code).statusCode(201);

        Sites.update(code, ifMatch, Sites.changes("Renamed", true)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations[0].field", equalTo("header.If-Match"));

        assertThat(Sites.revisionsOf(code)).isEqualTo(1);
    }

    @Test
    void ofTwoSimultaneousChangesAgainstTheSameVersionOneIsMadeAndTheOtherFailsItsPrecondition() throws Exception {
        String code = Sites.newCode();
        Sites.create(code).statusCode(201);

        List<HttpResponse<String>> answers = simultaneousPuts(URI.create(sites + "/" + code), "\"1\"",
                List.of("Concurrent change A", "Concurrent change B"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 412);
        HttpResponse<String> refused = answers.stream().filter(answer -> answer.statusCode() == 412).findFirst()
                .orElseThrow();
        assertThat(JSON.readTree(refused.body()).get("type").asText())
                .isEqualTo("urn:vein2vein:problem:precondition-failed");
        assertThat(refused.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(Sites.revisionsOf(code)).isEqualTo(2);
        Sites.read(code).body("version", equalTo(2));
    }

    @Test
    void invalidFieldsAreRefusedWithTheirViolationsAndWriteNothing() {
        Sites.Rows before = Sites.Rows.now();
        Map<String, Object> body = new HashMap<>(Sites.newSite("S"));
        body.put("name", "<script>alert(1)</script>");
        body.put("kind", "HOSPITAL");

        Sites.asAdmin().contentType(ContentType.JSON).body(body).post(Sites.PATH).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations.field", hasItem("kind"));
        body.put("kind", "COLLECTION");
        Sites.asAdmin().contentType(ContentType.JSON).body(body).post(Sites.PATH).then()
                .statusCode(400).body("violations.field", equalTo(List.of("code", "name")));
        Sites.asAdmin().contentType(ContentType.JSON).body(Map.of("code", Sites.newCode())).post(Sites.PATH).then()
                .statusCode(400).body("violations.field", equalTo(List.of("kind", "name", "organisation")));
        Map<String, Object> withVersion = new HashMap<>(Sites.newSite(Sites.newCode()));
        withVersion.put("version", 7);
        Sites.asAdmin().contentType(ContentType.JSON).body(withVersion).post(Sites.PATH).then()
                .statusCode(400).body("violations[0].field", equalTo("version"));
        Sites.update("SITE LYON", "\"1\"", Sites.changes("Renamed", true)).statusCode(400)
                .body("violations.field", equalTo(List.of("path.code")));

        assertThat(Sites.Rows.now()).isEqualTo(before);
    }

    @Test
    void aRetriedCreationReplaysTheFirstAnswerAndCreatesNothingMore() {
        String code = Sites.newCode();
        String key = UUID.randomUUID().toString();
        String admin = Sites.adminToken();
        Response first = Api.as(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Sites.newSite(code)).post(Sites.PATH);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Sites.Rows before = Sites.Rows.now();

        Response retry = Api.as(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Sites.newSite(code)).post(Sites.PATH);

        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo("\"1\"");
        assertThat(Sites.Rows.now()).isEqualTo(before);
        Api.as(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Sites.newSite(Sites.newCode())).post(Sites.PATH).then().statusCode(422)
                .body("type", equalTo("urn:vein2vein:problem:idempotency-key-reused"));
        assertThat(Sites.Rows.now()).isEqualTo(before);
    }

    @Test
    void theRegistryIsReadPageByPageInCodeOrder() {
        String prefix = "PAGE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
        for (String suffix : List.of("A", "B", "C")) {
            Sites.create(prefix + suffix).statusCode(201);
        }

        Api.as(Tokens.logistics()).queryParam("fromCode", prefix + "A").queryParam("limit", 2).get(Sites.PATH).then()
                .statusCode(200)
                .body("sites.code", equalTo(List.of(prefix + "A", prefix + "B")))
                .body("nextFromCode", equalTo(prefix + "C"));
        Api.as(Tokens.technician()).queryParam("fromCode", prefix + "C").queryParam("limit", 1).get(Sites.PATH)
                .then().statusCode(200).body("sites[0].code", equalTo(prefix + "C"))
                .body("sites[0].version", equalTo(1));
        Api.as(Tokens.qa()).queryParam("fromCode", "ZZZZZZZZ-PAST-THE-END").get(Sites.PATH).then().statusCode(200)
                .body("sites", equalTo(List.of())).body("nextFromCode", nullValue());
        Api.as(Tokens.qa()).get(Sites.PATH).then().statusCode(200).body("sites.size()", notNullValue());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "limit=1001", "limit=0", "limit=-1", "limit=ten", "fromCode=%3Cscript%3E",
            "fromCode=a%20b" })
    void anOutOfRangePageIsAnInvalidRequestNamingTheParameter(String query) {
        String parameter = query.substring(0, query.indexOf('='));
        Api.as(Tokens.qa()).urlEncodingEnabled(false).get(Sites.PATH + "?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations[0].field", equalTo("query." + parameter));
    }

    /** PUTs the same If-Match with different names, all at once, each as an administrator of its own. */
    private static List<HttpResponse<String>> simultaneousPuts(URI uri, String ifMatch, List<String> names)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService workers = Executors.newFixedThreadPool(names.size());
        try {
            CountDownLatch ready = new CountDownLatch(names.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String name : names) {
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + Sites.adminToken())
                        .header("Content-Type", "application/json")
                        .header("If-Match", ifMatch)
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Sites.changes(name, true))))
                        .build();
                answers.add(workers.submit(() -> {
                    ready.countDown();
                    go.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all callers ready").isTrue();
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            workers.shutdownNow();
        }
    }
}
