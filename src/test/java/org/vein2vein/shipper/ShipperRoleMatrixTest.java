package org.vein2vein.shipper;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.vein2vein.platform.embedded.DevSigningKeys;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.TestInfrastructure;
import org.vein2vein.testing.Tokens;

/**
 * Every shipper operation, called by every kind of caller: administrators manage shippers, every
 * role reads them, and a token that is missing, forged or expired reaches nothing, even when it
 * claims to be an administrator's. Each cell works on a shipper registered just for it; a refused
 * call writes nothing, an accepted write exactly one version.
 */
@QuarkusTest
class ShipperRoleMatrixTest {

    @ParameterizedTest(name = "{0} by {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # operation    | caller      | status | problem type (or the answer)
            CREATE         | NO_TOKEN    | 401    | unauthenticated
            CREATE         | TECHNICIAN  | 403    | forbidden
            CREATE         | LOGISTICS   | 403    | forbidden
            CREATE         | QA          | 403    | forbidden
            CREATE         | ADMIN       | 201    | registered
            CREATE         | FORGED      | 401    | unauthenticated
            CREATE         | EXPIRED     | 401    | unauthenticated
            LIST           | NO_TOKEN    | 401    | unauthenticated
            LIST           | TECHNICIAN  | 200    | page
            LIST           | LOGISTICS   | 200    | page
            LIST           | QA          | 200    | page
            LIST           | ADMIN       | 200    | page
            LIST           | FORGED      | 401    | unauthenticated
            LIST           | EXPIRED     | 401    | unauthenticated
            READ           | NO_TOKEN    | 401    | unauthenticated
            READ           | TECHNICIAN  | 200    | shipper
            READ           | LOGISTICS   | 200    | shipper
            READ           | QA          | 200    | shipper
            READ           | ADMIN       | 200    | shipper
            READ           | FORGED      | 401    | unauthenticated
            READ           | EXPIRED     | 401    | unauthenticated
            UPDATE         | NO_TOKEN    | 401    | unauthenticated
            UPDATE         | TECHNICIAN  | 403    | forbidden
            UPDATE         | LOGISTICS   | 403    | forbidden
            UPDATE         | QA          | 403    | forbidden
            UPDATE         | ADMIN       | 200    | changed
            UPDATE         | FORGED      | 401    | unauthenticated
            UPDATE         | EXPIRED     | 401    | unauthenticated
            """)
    void eachCallerGetsWhatTheDocsSay(Operation operation, Caller caller, int status, String outcome) {
        String id = Shippers.newId();
        Shippers.create(id).statusCode(201);
        Shippers.Rows before = Shippers.Rows.now();

        Response response = operation.call(caller.request(), id);

        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType("application/problem+json")
                    .body("type", equalTo("urn:vein2vein:problem:" + outcome))
                    .body("status", equalTo(status));
            assertThat(Shippers.Rows.now()).as("rows after a refused call").isEqualTo(before);
        } else {
            response.then().contentType(ContentType.JSON);
            assertThat(Shippers.Rows.now()).as("rows after an accepted call").isEqualTo(operation.after(before));
        }
    }

    enum Operation {
        CREATE {
            @Override
            Response call(RequestSpecification request, String id) {
                return request.contentType(ContentType.JSON).body(Shippers.newShipper(Shippers.newId()))
                        .post(Shippers.PATH);
            }

            @Override
            Shippers.Rows after(Shippers.Rows before) {
                return new Shippers.Rows(before.shippers() + 1, before.revisions() + 1);
            }
        },
        LIST {
            @Override
            Response call(RequestSpecification request, String id) {
                return request.queryParam("fromId", id).queryParam("limit", 1).get(Shippers.PATH);
            }
        },
        READ {
            @Override
            Response call(RequestSpecification request, String id) {
                return request.get(Shippers.PATH + "/{id}", id);
            }
        },
        UPDATE {
            @Override
            Response call(RequestSpecification request, String id) {
                return request.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                        .body(Shippers.changes("P9D", true)).put(Shippers.PATH + "/{id}", id);
            }

            @Override
            Shippers.Rows after(Shippers.Rows before) {
                return new Shippers.Rows(before.shippers(), before.revisions() + 1);
            }
        };

        abstract Response call(RequestSpecification request, String id);

        /** The rows after an accepted call: reads write none. */
        Shippers.Rows after(Shippers.Rows before) {
            return before;
        }
    }

    enum Caller {
        NO_TOKEN(() -> null),
        TECHNICIAN(() -> Tokens.technicianAt(List.of("SITE-LYON-01"))),
        LOGISTICS(Tokens::logistics),
        QA(Tokens::qa),
        ADMIN(Shippers::adminToken),
        /** An administrator's token signed with a key the service does not trust. */
        FORGED(() -> foreignKeys().token("admin-forger", Set.of(Roles.ADMIN), "VEIN2VEIN", List.of(),
                Duration.ofMinutes(10))),
        /** An administrator's token, rightly signed, that expired ten minutes ago. */
        EXPIRED(() -> TestInfrastructure.signingKeys().token("admin-expired", Set.of(Roles.ADMIN), "VEIN2VEIN",
                List.of(), Duration.ofMinutes(-10)));

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
}
