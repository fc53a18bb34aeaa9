package org.vein2vein.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.RawConnection;
import org.vein2vein.testing.RawConnection.Answer;
import org.vein2vein.testing.Tokens;

/**
 * Every answer tells browsers not to guess its type; API answers are never cached; nothing the service
 * serves may run scripts or be framed, except Swagger UI, which may run its own. The Location of a
 * created resource is a path, never built from the Host the client sent.
 */
@QuarkusTest
class ResponseHeadersTest {

    private static final String NO_ACTIVE_CONTENT = "default-src 'none'; frame-ancestors 'none'";

    @Test
    void anApiAnswerIsNotSniffedCachedOrFramed() {
        Response answer = Api.given().get("/api/v1/sites");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertEveryAnswersHeaders(answer);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void problemsCarryTheSameHeaders() {
        Response unauthenticated = RestAssured.given().get("/api/v1/sites");
        Response nothingThere = RestAssured.given().get("/nothing-here");

        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertEveryAnswersHeaders(unauthenticated);
        assertThat(unauthenticated.header("Cache-Control")).isEqualTo("no-store");
        assertThat(nothingThere.statusCode()).isEqualTo(404);
        assertEveryAnswersHeaders(nothingThere);
    }

    @Test
    void devTokensAreNeverCached() {
        assertThat(RestAssured.given().get("/dev/tokens").header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void healthAndTheContractAreNotSniffedOrFramed() {
        assertEveryAnswersHeaders(RestAssured.given().get("/q/health/ready"));
        assertEveryAnswersHeaders(RestAssured.given().get("/q/openapi"));
    }

    @Test
    void swaggerUiMayRunOnlyItsOwnScripts() {
        Response page = RestAssured.given().get("/q/swagger-ui/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'",
                "frame-ancestors 'none'");
    }

    @Test
    void theLocationOfANewBatchIsAPathNotTheHostTheClientNamed() {
        String body = "{\"type\": \"AUTOLOGOUS\", \"subjectReference\": \"PSN-HOST-01\", \"productCode\": "
                + "\"CART-GD2-AUTO\", \"collectionSite\": \"SITE-LYON-01\"}";

        Answer created;
        try (RawConnection connection = RawConnection.open()) {
            created = connection.send("POST /api/v1/batches HTTP/1.1\r\nHost: evil.example:666\r\n"
                    + "Authorization: Bearer " + Tokens.technician() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body).readUntilClosed();
        }

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).matches("/api/v1/batches/V2V[0-9A-Z]{10}[0-9A-Z*]");
        assertThat(Api.given().get(created.header("Location")).statusCode()).as("the path resolves").isEqualTo(200);
    }

    private static void assertEveryAnswersHeaders(Response answer) {
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo(NO_ACTIVE_CONTENT);
    }
}
