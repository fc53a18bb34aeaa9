package org.vein2vein.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Tokens;

/**
 * Every site operation, called by every role: administrators manage sites, every role reads them,
 * QA and administrators read their revisions. Each cell works on a site created just for it; a
 * refused call writes nothing, an accepted write exactly one version.
 */
@QuarkusTest
class SiteRoleMatrixTest {

    @ParameterizedTest(name = "{0} by {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # operation    | caller      | status | problem type (or the answer)
            CREATE         | NO_TOKEN    | 401    | unauthenticated
            CREATE         | TECHNICIAN  | 403    | forbidden
            CREATE         | LOGISTICS   | 403    | forbidden
            CREATE         | QA          | 403    | forbidden
            CREATE         | ADMIN       | 201    | created
            LIST           | NO_TOKEN    | 401    | unauthenticated
            LIST           | TECHNICIAN  | 200    | page
            LIST           | LOGISTICS   | 200    | page
            LIST           | QA          | 200    | page
            LIST           | ADMIN       | 200    | page
            READ           | NO_TOKEN    | 401    | unauthenticated
            READ           | TECHNICIAN  | 200    | site
            READ           | LOGISTICS   | 200    | site
            READ           | QA          | 200    | site
            READ           | ADMIN       | 200    | site
            UPDATE         | NO_TOKEN    | 401    | unauthenticated
            UPDATE         | TECHNICIAN  | 403    | forbidden
            UPDATE         | LOGISTICS   | 403    | forbidden
            UPDATE         | QA          | 403    | forbidden
            UPDATE         | ADMIN       | 200    | changed
            REVISIONS      | NO_TOKEN    | 401    | unauthenticated
            REVISIONS      | TECHNICIAN  | 403    | forbidden
            REVISIONS      | LOGISTICS   | 403    | forbidden
            REVISIONS      | QA          | 200    | revisions
            REVISIONS      | ADMIN       | 200    | revisions
            """)
    void eachRoleGetsWhatTheReadmeSays(Operation operation, Caller caller, int status, String outcome) {
        String code = Sites.newCode();
        Sites.create(code).statusCode(201);
        Sites.Rows before = Sites.Rows.now();

        Response response = operation.call(caller.request(), code);

        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType("application/problem+json")
                    .body("type", equalTo("urn:vein2vein:problem:" + outcome))
                    .body("status", equalTo(status));
            assertThat(Sites.Rows.now()).as("rows after a refused call").isEqualTo(before);
        } else {
            response.then().contentType(ContentType.JSON);
            assertThat(Sites.Rows.now()).as("rows after an accepted call").isEqualTo(operation.after(before));
        }
    }

    enum Operation {
        CREATE {
            @Override
            Response call(RequestSpecification request, String code) {
                return request.contentType(ContentType.JSON).body(Sites.newSite(Sites.newCode())).post(Sites.PATH);
            }

            @Override
            Sites.Rows after(Sites.Rows before) {
                return new Sites.Rows(before.sites() + 1, before.revisions() + 1);
            }
        },
        LIST {
            @Override
            Response call(RequestSpecification request, String code) {
                return request.queryParam("fromCode", code).queryParam("limit", 1).get(Sites.PATH);
            }
        },
        READ {
            @Override
            Response call(RequestSpecification request, String code) {
                return request.get(Sites.PATH + "/{code}", code);
            }
        },
        UPDATE {
            @Override
            Response call(RequestSpecification request, String code) {
                return request.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                        .body(Sites.changes("Renamed by the matrix", true)).put(Sites.PATH + "/{code}", code);
            }

            @Override
            Sites.Rows after(Sites.Rows before) {
                return new Sites.Rows(before.sites(), before.revisions() + 1);
            }
        },
        REVISIONS {
            @Override
            Response call(RequestSpecification request, String code) {
                return request.get(Sites.PATH + "/{code}/revisions", code);
            }
        };

        abstract Response call(RequestSpecification request, String code);

        /** The rows after an accepted call: reads write none. */
        Sites.Rows after(Sites.Rows before) {
            return before;
        }
    }

    enum Caller {
        NO_TOKEN(() -> null),
        TECHNICIAN(() -> Tokens.technicianAt(List.of("SITE-LYON-01"))),
        LOGISTICS(Tokens::logistics),
        QA(Tokens::qa),
        ADMIN(Sites::adminToken);

        private final Supplier<String> token;

        Caller(Supplier<String> token) {
            this.token = token;
        }

        RequestSpecification request() {
            String bearer = token.get();
            return bearer == null ? given() : Api.as(bearer);
        }
    }
}
