package org.vein2vein.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.LedgerHashes;
import org.vein2vein.testing.StageSamples;
import org.vein2vein.testing.Tokens;

/**
 * The custody history is read page by page ({@code fromSequence}, {@code limit}), while its
 * verification always covers the whole ledger: a page alone cannot prove the chain.
 */
@QuarkusTest
class CustodyPagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "custody{0}")
    @ValueSource(strings = { "", "?fromSequence=&limit=" })
    void aShortLedgerIsOnePageWithoutANextOne(String query) {
        String coi = ledgerOf(3);

        custody(coi, query).statusCode(200)
                .body("events.sequence", equalTo(List.of(1, 2, 3)))
                .body("totalEvents", equalTo(3))
                .body("$", not(hasKey("nextFromSequence")))
                .body("verification.intact", equalTo(true))
                .body("verification.verifiedEvents", equalTo(3));
    }

    @Test
    void pagesFollowEachOtherToTheEndAndEachVerifiesTheWholeLedger() throws Exception {
        String coi = ledgerOf(7);
        String headHash = custody(coi, "").extract().path("verification.headHash");
        ArrayNode all = JSON.createArrayNode();
        List<List<Long>> pages = new ArrayList<>();

        String next = "1";
        while (next != null) {
            String served = custody(coi, "?limit=3&fromSequence=" + next).statusCode(200)
                    .body("totalEvents", equalTo(7))
                    .body("verification.intact", equalTo(true))
                    .body("verification.verifiedEvents", equalTo(7))
                    .body("verification.headHash", equalTo(headHash))
                    .extract().asString();
            JsonNode page = LedgerHashes.read(served);
            List<Long> sequences = new ArrayList<>();
            page.get("events").forEach(event -> {
                all.add(event);
                sequences.add(event.get("sequence").asLong());
            });
            pages.add(sequences);
            next = page.has("nextFromSequence") ? page.get("nextFromSequence").asText() : null;
        }

        assertThat(pages).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L));
        LedgerHashes.assertChainRecomputes(all);
    }

    @Test
    void withoutALimitAPageHoldsAHundredEventsAndAtMostAThousandMayBeAsked() {
        String coi = ledgerOf(102);

        custody(coi, "").statusCode(200)
                .body("events", hasSize(100))
                .body("events[99].sequence", equalTo(100))
                .body("nextFromSequence", equalTo(101))
                .body("totalEvents", equalTo(102))
                .body("verification.verifiedEvents", equalTo(102));
        custody(coi, "?limit=1000").statusCode(200)
                .body("events", hasSize(102))
                .body("nextFromSequence", nullValue());
    }

    @Test
    void fromBeyondTheEndIsAnEmptyPage() {
        String coi = ledgerOf(2);

        custody(coi, "?fromSequence=3").statusCode(200)
                .body("events", hasSize(0))
                .body("totalEvents", equalTo(2))
                .body("nextFromSequence", nullValue())
                .body("verification.verifiedEvents", equalTo(2));
    }

    @Test
    void aPageThatDoesNotHoldTheTamperedEventStillReportsTheBrokenChain() throws Exception {
        String coi = ledgerOf(5);
        // The ledger refuses UPDATE through its trigger; an attacker with superuser rights would not ask.
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.executeUpdate("UPDATE custody_event SET payload = '{\"volumeMl\":999}' WHERE coi = '" + coi
                    + "' AND sequence = 4");
            connection.commit();
        }

        custody(coi, "?limit=2").statusCode(200)
                .body("events.sequence", equalTo(List.of(1, 2)))
                .body("nextFromSequence", equalTo(3))
                .body("verification.intact", equalTo(false))
                .body("verification.verifiedEvents", equalTo(3))
                .body("verification.firstBrokenSequence", equalTo(4));
    }

    @ParameterizedTest(name = "?{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            limit        | 1001
            limit        | 0
            limit        | -1
            limit        | 1.5
            limit        | ten
            limit        | 99999999999999999999
            fromSequence | 0
            fromSequence | -3
            fromSequence | one
            fromSequence | +2
            """)
    void aPageParameterOutOfRangeIsAnInvalidRequest(String parameter, String value) {
        String coi = ledgerOf(1);

        Api.as(Tokens.qa()).queryParam(parameter, value).get("/api/v1/batches/{coi}/custody", coi).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations.field", equalTo(List.of("query." + parameter)));
    }

    /** A batch whose ledger holds {@code events} events: its registration, then collections. */
    private static String ledgerOf(int events) {
        String coi = Api.registerAutologous("PSN-PAGING-01");
        LongStream.range(1, events).forEach(i -> {
            Map<String, Object> collection = StageSamples.of(coi, "COLLECTED", Instant.now(), null);
            collection.put("volumeMl", 200 + i);
            Api.logStep(coi, "COLLECTED", Instant.now(), collection).statusCode(201);
        });
        return coi;
    }

    private static ValidatableResponse custody(String coi, String query) {
        return Api.as(Tokens.qa()).urlEncodingEnabled(false).get("/api/v1/batches/" + coi + "/custody" + query)
                .then();
    }
}
