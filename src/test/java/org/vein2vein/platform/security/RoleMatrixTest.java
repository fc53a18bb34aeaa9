package org.vein2vein.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

import org.vein2vein.platform.embedded.DevSigningKeys;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.TestInfrastructure;
import org.vein2vein.testing.Tokens;

/**
 * Every API operation, called by every kind of caller: the table of docs/security.md "Roles"
 * describes, cell by cell. Each cell works on a batch registered at SITE-LYON-01 just for
 * it; a refused call writes nothing, an accepted one writes exactly its rows.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String BATCH_SITE = "SITE-LYON-01";
    private static final String CHALLENGE = "Bearer realm=\"vein2vein\"";
    private static final String INVALID_TOKEN_CHALLENGE = CHALLENGE + ", error=\"invalid_token\"";

    @ParameterizedTest(name = "{0} by {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # operation    | caller                | status | problem type (or the answer)
            REGISTER       | NO_TOKEN              | 401    | unauthenticated
            REGISTER       | TECHNICIAN_OF_BATCH   | 201    | registered
            REGISTER       | TECHNICIAN_ELSEWHERE  | 403    | site-not-permitted
            REGISTER       | LOGISTICS             | 403    | forbidden
            REGISTER       | QA                    | 403    | forbidden
            REGISTER       | ADMIN                 | 403    | forbidden
            REGISTER       | FORGED                | 401    | unauthenticated
            REGISTER       | EXPIRED               | 401    | unauthenticated
            REGISTER       | WRONG_AUDIENCE        | 401    | unauthenticated
            REGISTER       | WRONG_ISSUER          | 401    | unauthenticated
            REGISTER       | MALFORMED             | 401    | unauthenticated
            REGISTER       | UNSIGNED              | 401    | unauthenticated

            READ_BATCH     | NO_TOKEN              | 401    | unauthenticated
            READ_BATCH     | TECHNICIAN_OF_BATCH   | 200    | batch
            READ_BATCH     | TECHNICIAN_ELSEWHERE  | 404    | batch-not-found
            READ_BATCH     | LOGISTICS             | 403    | forbidden
            READ_BATCH     | QA                    | 200    | batch
            READ_BATCH     | ADMIN                 | 403    | forbidden
            READ_BATCH     | FORGED                | 401    | unauthenticated
            READ_BATCH     | EXPIRED               | 401    | unauthenticated
            READ_BATCH     | WRONG_AUDIENCE        | 401    | unauthenticated
            READ_BATCH     | WRONG_ISSUER          | 401    | unauthenticated
            READ_BATCH     | MALFORMED             | 401    | unauthenticated
            READ_BATCH     | UNSIGNED              | 401    | unauthenticated

            LOG_STEP       | NO_TOKEN              | 401    | unauthenticated
            LOG_STEP       | TECHNICIAN_OF_BATCH   | 201    | recorded
            LOG_STEP       | TECHNICIAN_ELSEWHERE  | 404    | batch-not-found
            LOG_STEP       | LOGISTICS             | 403    | forbidden
            LOG_STEP       | QA                    | 403    | forbidden
            LOG_STEP       | ADMIN                 | 403    | forbidden
            LOG_STEP       | FORGED                | 401    | unauthenticated
            LOG_STEP       | EXPIRED               | 401    | unauthenticated
            LOG_STEP       | WRONG_AUDIENCE        | 401    | unauthenticated
            LOG_STEP       | WRONG_ISSUER          | 401    | unauthenticated
            LOG_STEP       | MALFORMED             | 401    | unauthenticated
            LOG_STEP       | UNSIGNED              | 401    | unauthenticated

            READ_CUSTODY   | NO_TOKEN              | 401    | unauthenticated
            READ_CUSTODY   | TECHNICIAN_OF_BATCH   | 200    | history
            READ_CUSTODY   | TECHNICIAN_ELSEWHERE  | 404    | batch-not-found
            READ_CUSTODY   | LOGISTICS             | 403    | forbidden
            READ_CUSTODY   | QA                    | 200    | history
            READ_CUSTODY   | ADMIN                 | 403    | forbidden
            READ_CUSTODY   | FORGED                | 401    | unauthenticated
            READ_CUSTODY   | EXPIRED               | 401    | unauthenticated
            READ_CUSTODY   | WRONG_AUDIENCE        | 401    | unauthenticated
            READ_CUSTODY   | WRONG_ISSUER          | 401    | unauthenticated
            READ_CUSTODY   | MALFORMED             | 401    | unauthenticated
            READ_CUSTODY   | UNSIGNED              | 401    | unauthenticated

            READ_EVENT     | NO_TOKEN              | 401    | unauthenticated
            READ_EVENT     | TECHNICIAN_OF_BATCH   | 200    | event
            READ_EVENT     | TECHNICIAN_ELSEWHERE  | 404    | batch-not-found
            READ_EVENT     | LOGISTICS             | 403    | forbidden
            READ_EVENT     | QA                    | 200    | event
            READ_EVENT     | ADMIN                 | 403    | forbidden
            READ_EVENT     | FORGED                | 401    | unauthenticated
            READ_EVENT     | EXPIRED               | 401    | unauthenticated
            READ_EVENT     | WRONG_AUDIENCE        | 401    | unauthenticated
            READ_EVENT     | WRONG_ISSUER          | 401    | unauthenticated
            READ_EVENT     | MALFORMED             | 401    | unauthenticated
            READ_EVENT     | UNSIGNED              | 401    | unauthenticated
            """)
    void eachCallerGetsWhatTheReadmeSays(Operation operation, Caller caller, int status, String outcome) {
        String coi = Api.registerAutologous("PSN-MATRIX-01");
        RowCounts before = RowCounts.now();

        Response response = operation.call(caller.request(), coi);

        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType("application/problem+json")
                    .body("type", equalTo("urn:vein2vein:problem:" + outcome))
                    .body("status", equalTo(status));
            assertThat(RowCounts.now()).as("rows after a refused call").isEqualTo(before);
        } else {
            response.then().contentType(ContentType.JSON);
            assertThat(RowCounts.now()).as("rows after an accepted call").isEqualTo(before.plus(operation.writes()));
        }
        if (status == 401) {
            response.then().header("WWW-Authenticate", equalTo(caller == Caller.NO_TOKEN ? CHALLENGE
                    : INVALID_TOKEN_CHALLENGE));
        }
    }

    @Test
    void healthAndTheContractNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void anInvalidTokenDoesNotCloseTheOpenEndpoints() {
        for (Caller caller : List.of(Caller.FORGED, Caller.EXPIRED, Caller.MALFORMED, Caller.UNSIGNED)) {
            caller.request().get("/q/health/ready").then().statusCode(200);
            caller.request().get("/q/openapi").then().statusCode(200);
        }
    }

    /** The five operations of the API, each called on a batch registered at {@link #BATCH_SITE}. */
    enum Operation {
        REGISTER(new RowCounts(1, 1, 1)) {
            @Override
            Response call(RequestSpecification request, String coi) {
                return request.contentType(ContentType.JSON)
                        .body(Map.of("type", "AUTOLOGOUS", "subjectReference", "PSN-MATRIX-02",
                                "productCode", "CART-GD2-AUTO", "collectionSite", BATCH_SITE))
                        .post("/api/v1/batches");
            }
        },
        READ_BATCH(RowCounts.NONE) {
            @Override
            Response call(RequestSpecification request, String coi) {
                return request.get("/api/v1/batches/{coi}", coi);
            }
        },
        LOG_STEP(new RowCounts(0, 1, 1)) {
            @Override
            Response call(RequestSpecification request, String coi) {
                return request.contentType(ContentType.JSON)
                        .body(Map.of("stage", "COLLECTED", "occurredAt", Instant.now().toString(), "site", BATCH_SITE,
                                "data", StageSamples.of(coi, "COLLECTED", Instant.now(), null)))
                        .post("/api/v1/batches/{coi}/steps", coi);
            }
        },
        READ_CUSTODY(RowCounts.NONE) {
            @Override
            Response call(RequestSpecification request, String coi) {
                return request.get("/api/v1/batches/{coi}/custody", coi);
            }
        },
        READ_EVENT(RowCounts.NONE) {
            @Override
            Response call(RequestSpecification request, String coi) {
                return request.get("/api/v1/batches/{coi}/custody/{sequence}", coi, 1);
            }
        };

        private final RowCounts writes;

        Operation(RowCounts writes) {
            this.writes = writes;
        }

        abstract Response call(RequestSpecification request, String coi);

        /** The rows an accepted call adds. */
        RowCounts writes() {
            return writes;
        }
    }

    /** Who calls: each kind of token, or none. */
    enum Caller {
        NO_TOKEN(() -> null),
        TECHNICIAN_OF_BATCH(() -> Tokens.technicianAt(List.of(BATCH_SITE))),
        TECHNICIAN_ELSEWHERE(() -> Tokens.token("tech-gent", Roles.TECHNICIAN, "MFG-GENT", List.of("MFG-GENT-01"))),
        LOGISTICS(Tokens::logistics),
        QA(Tokens::qa),
        ADMIN(Tokens::admin),
        FORGED(() -> foreignKeys().token("qa-forger", Set.of(Roles.QA), "EVIL", List.of(), Duration.ofMinutes(10))),
        EXPIRED(() -> TestInfrastructure.signingKeys().token("qa-test", Set.of(Roles.QA), "VEIN2VEIN-QA", List.of(),
                Duration.ofMinutes(-10))),
        WRONG_AUDIENCE(() -> trustedKeySigned(DevSigningKeys.ISSUER, "another-service")),
        WRONG_ISSUER(() -> trustedKeySigned("urn:vein2vein:another-issuer", DevSigningKeys.AUDIENCE)),
        MALFORMED(() -> "not.a.token"),
        UNSIGNED(RoleMatrixTest::unsignedQaToken);

        private final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }

        RequestSpecification request() {
            String bearer = token.get();
            return bearer == null ? given() : Api.as(bearer);
        }
    }

    private static DevSigningKeys foreignKeys() {
        try {
            return DevSigningKeys.loadOrCreate(Files.createTempDirectory("vein2vein-foreign-keys-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A QA token signed with the key the service trusts, but for another audience or from another issuer. */
    private static String trustedKeySigned(String issuer, String audience) {
        return Jwt.issuer(issuer).audience(audience).subject("qa-test").groups(Set.of(Roles.QA))
                .claim("org", "VEIN2VEIN-QA").claim("sites", List.of()).expiresIn(Duration.ofMinutes(10))
                .sign(trustedPrivateKey());
    }

    /** A QA token with every claim right and no signature ({@code "alg": "none"}). */
    private static String unsignedQaToken() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"iss\":\"" + DevSigningKeys.ISSUER + "\",\"aud\":\"" + DevSigningKeys.AUDIENCE
                + "\",\"sub\":\"qa-test\",\"groups\":[\"qa\"],\"org\":\"VEIN2VEIN-QA\",\"exp\":"
                + Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond() + "}";
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The test run's signing key, which DevSigningKeys keeps next to the public key the service reads. */
    private static PrivateKey trustedPrivateKey() {
        Path file = TestInfrastructure.signingKeys().publicKeyFile().resolveSibling("dev-signing-key.pem");
        try {
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows in the tables a request could write to. */
    record RowCounts(long batches, long custodyEvents, long outboxMessages) {

        static final RowCounts NONE = new RowCounts(0, 0, 0);

        static RowCounts now() {
            return new RowCounts(Database.count("SELECT count(*) FROM batch"),
                    Database.count("SELECT count(*) FROM custody_event"),
                    Database.count("SELECT count(*) FROM outbox_message"));
        }

        RowCounts plus(RowCounts more) {
            return new RowCounts(batches + more.batches, custodyEvents + more.custodyEvents,
                    outboxMessages + more.outboxMessages);
        }
    }
}
