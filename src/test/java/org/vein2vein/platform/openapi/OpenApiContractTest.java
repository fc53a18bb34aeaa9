package org.vein2vein.platform.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The checked-in contract, openapi/openapi.yaml, is what the service serves. When the API changes
 * on purpose, copy target/openapi-served.yaml over openapi/openapi.yaml and review the diff.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    private static final Path SERVED = Path.of("target", "openapi-served.yaml");

    @Test
    void servedDocumentIsTheCheckedInContract() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, served, StandardCharsets.UTF_8);
        assertThat(CONTRACT).as("the contract file").exists();
        assertThat(served)
                .as("served /q/openapi differs from %s; if the change is intended: cp %s %s", CONTRACT, SERVED, CONTRACT)
                .isEqualTo(Files.readString(CONTRACT, StandardCharsets.UTF_8));
    }

    @Test
    void everyOperationHasAnIdASummaryExamplesAndProblemResponses() {
        JsonNode document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().as(JsonNode.class);
        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            assertThat(operation.path("operationId").asText()).as("operationId of %s", name).isNotBlank();
            assertThat(operation.path("summary").asText()).as("summary of %s", name).isNotBlank();
            if (operation.has("requestBody")) {
                assertThat(examplesIn(operation.get("requestBody"))).as("request examples of %s", name).isPositive();
            }
            JsonNode responses = operation.get("responses");
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> response = it.next();
                assertThat(examplesIn(response.getValue())).as("examples of %s %s", name, response.getKey())
                        .isPositive();
                if (response.getKey().startsWith("4")) {
                    assertThat(response.getValue().path("content").has("application/problem+json"))
                            .as("%s %s is a problem", name, response.getKey()).isTrue();
                }
            }
            assertThat(responses.fieldNames()).toIterable().as("problem responses of %s", name)
                    .anyMatch(status -> status.startsWith("4"));
        }));
        assertThat(operations).contains("POST /api/v1/batches", "GET /api/v1/batches/{coi}",
                "POST /api/v1/batches/{coi}/steps", "GET /api/v1/batches/{coi}/custody",
                "GET /api/v1/batches/{coi}/custody/{sequence}");
    }

    private static int examplesIn(JsonNode bodyOrResponse) {
        int examples = 0;
        for (JsonNode media : bodyOrResponse.path("content")) {
            examples += media.path("examples").size() + (media.has("example") ? 1 : 0);
        }
        return examples;
    }
}
