package org.vein2vein.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.batch.api.stagedata.StageDataReader;
import org.vein2vein.batch.application.StepPayloads;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.batch.domain.rules.Step;
import org.vein2vein.kernel.Stage;

/**
 * The step examples of the contract are steps the service would accept, and the events they show
 * hold what the ledger would keep of them: the typed data, validated and written back.
 */
@QuarkusTest
class ApiExamplesTest {

    /** Numbers are equal when their values are. */
    private static final Comparator<JsonNode> NUMERICALLY = (left, right) -> left.isNumber() && right.isNumber()
            ? left.decimalValue().compareTo(right.decimalValue()) : left.equals(right) ? 0 : 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    StageDataReader stageData;
    @Inject
    StepPayloads payloads;

    @Test
    void theLogStepExampleHoldsValidCollectionData() throws Exception {
        JsonNode request = JSON.readTree(ApiExamples.LOG_STEP_REQUEST);

        StageData data = stageData.read(Stage.valueOf(request.get("stage").asText()), (ObjectNode) request.get("data"));
        JsonNode kept = recorded(data);

        assertThat(data).isInstanceOf(StageData.Collection.class);
        assertThat(kept.equals(NUMERICALLY, request.get("data"))).as("kept as sent: %s", kept).isTrue();
    }

    @Test
    void theEventExamplesShowWhatTheLedgerKeepsOfTheLogStepExample() throws Exception {
        JsonNode request = JSON.readTree(ApiExamples.LOG_STEP_REQUEST);
        JsonNode kept = recorded(stageData.read(Stage.COLLECTED, (ObjectNode) request.get("data")));

        for (JsonNode event : new JsonNode[] { JSON.readTree(ApiExamples.CUSTODY_EVENT),
                JSON.readTree(ApiExamples.STEP_RECORDED).get("event") }) {
            assertThat(event.get("stage").asText()).isEqualTo(request.get("stage").asText());
            assertThat(event.get("occurredAt").asText()).isEqualTo(request.get("occurredAt").asText());
            assertThat(event.get("site").asText()).isEqualTo(request.get("site").asText());
            assertThat(event.get("data").equals(NUMERICALLY, kept)).as("data of %s", event).isTrue();
        }
    }

    /** The data as the ledger keeps it. */
    private JsonNode recorded(StageData data) {
        return payloads.recorded(new Step(Stage.COLLECTED, Instant.now(), "SITE-LYON-01", Optional.empty(), data),
                Map.of());
    }
}
