package org.vein2vein.shipment.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * More than a day of one-second readings of two loggers, 100,000 of them in ten uploads of 10,000, two
 * uploads at a time as two loggers' gateways would send them: all stored, and sent again, nothing changes.
 * The rate is printed, never asserted: timing belongs to benchmarks.
 */
@QuarkusTest
class BulkUploadTest {

    private static final int LOGGERS = 2;
    private static final int UPLOADS_PER_LOGGER = 5;
    private static final int PER_UPLOAD = 10_000;
    private static final int READINGS = LOGGERS * UPLOADS_PER_LOGGER * PER_UPLOAD;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/shipments")
    URI shipments;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aHundredThousandReadingsAreStoredOnceAndTheirReplayChangesNothing() throws Exception {
        Instant packedAt = Shipments.packingTime();
        String shipment = Shipments.packed(packedAt);
        String courier = Shipments.courier();
        List<List<String>> uploads = new ArrayList<>();
        for (int logger = 0; logger < LOGGERS; logger++) {
            String loggerId = Shipments.newLogger("LOG-BULK");
            List<String> bodies = new ArrayList<>();
            for (int upload = 0; upload < UPLOADS_PER_LOGGER; upload++) {
                bodies.add(body(loggerId, packedAt.plusSeconds(60 + (long) upload * PER_UPLOAD)));
            }
            uploads.add(bodies);
        }

        long started = System.nanoTime();
        List<JsonNode> answers = send(courier, shipment, uploads);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Log.infof("Temperature ingest: %d readings in %d uploads, %d at a time, took %d ms: %.0f readings/s",
                READINGS, LOGGERS * UPLOADS_PER_LOGGER, LOGGERS, took.toMillis(), READINGS / (took.toNanos() / 1e9));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.get("received").asInt()).isEqualTo(PER_UPLOAD);
            assertThat(answer.get("stored").asInt()).isEqualTo(PER_UPLOAD);
            assertThat(answer.get("duplicates").asInt() + answer.get("conflicting").asInt()
                    + answer.get("outsideTransit").asInt()).isZero();
        });
        assertThat(Shipments.storedReadings(shipment)).isEqualTo(READINGS);
        String summary = Shipments.summary(Shipments.qa(), shipment).then().statusCode(200)
                .body("overall.readings", equalTo(READINGS)).body("totalLoggers", equalTo(LOGGERS))
                .extract().asString();

        assertThat(send(courier, shipment, uploads)).allSatisfy(answer -> {
            assertThat(answer.get("stored").asInt()).isZero();
            assertThat(answer.get("duplicates").asInt()).isEqualTo(PER_UPLOAD);
        });

        assertThat(Shipments.storedReadings(shipment)).isEqualTo(READINGS);
        assertThat(Shipments.summary(Shipments.qa(), shipment).then().statusCode(200).extract().asString())
                .isEqualTo(summary);
    }

    /** Each logger's uploads one after the other, the loggers at once; the answers, each a 200. */
    private List<JsonNode> send(String token, String shipment, List<List<String>> uploads) throws Exception {
        ExecutorService gateways = Executors.newFixedThreadPool(uploads.size());
        try {
            List<Future<List<JsonNode>>> sent = new ArrayList<>();
            for (List<String> bodies : uploads) {
                sent.add(gateways.submit(() -> {
                    List<JsonNode> answers = new ArrayList<>();
                    for (String body : bodies) {
                        answers.add(post(token, shipment, body));
                    }
                    return answers;
                }));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<List<JsonNode>> gateway : sent) {
                answers.addAll(gateway.get());
            }
            return answers;
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            gateways.shutdown();
        }
    }

    /** A plain HTTP client: the test's own client should weigh little in the rate it prints. */
    private JsonNode post(String token, String shipment, String body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(shipments + "/" + shipment + "/temperature-readings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One logger's readings, a second apart, between −185.00 and −180.01 °C. */
    private static String body(String loggerId, Instant from) {
        List<Instant> times = new ArrayList<>(PER_UPLOAD);
        List<BigDecimal> celsius = new ArrayList<>(PER_UPLOAD);
        for (int i = 0; i < PER_UPLOAD; i++) {
            times.add(from.plusSeconds(i));
            celsius.add(BigDecimal.valueOf(-18_500 + i % 500, 2));
        }
        return Shipments.body(loggerId, times, celsius);
    }
}
