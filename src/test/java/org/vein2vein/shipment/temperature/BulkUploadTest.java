package org.vein2vein.shipment.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A day and more of one-second readings, 100,000 of them in ten uploads of 10,000: all stored, and sent
 * again, nothing changes. The rate is printed, never asserted: docs/benchmarks.md is where figures live.
 */
@QuarkusTest
class BulkUploadTest {

    private static final int UPLOADS = 10;
    private static final int PER_UPLOAD = 10_000;

    @Test
    void aHundredThousandReadingsAreStoredOnceAndTheirReplayChangesNothing() {
        Instant packedAt = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String shipment = Shipments.packed(packedAt);
        String courier = Shipments.courier();
        String logger = Shipments.newLogger("LOG-BULK");
        List<String> bodies = new ArrayList<>();
        for (int upload = 0; upload < UPLOADS; upload++) {
            bodies.add(body(logger, packedAt.plusSeconds(60 + (long) upload * PER_UPLOAD)));
        }

        long started = System.nanoTime();
        for (String body : bodies) {
            Shipments.upload(courier, shipment, body).then().statusCode(200)
                    .body("received", equalTo(PER_UPLOAD)).body("stored", equalTo(PER_UPLOAD))
                    .body("duplicates", equalTo(0)).body("conflicting", equalTo(0))
                    .body("outsideTransit", equalTo(0));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Log.infof("Temperature ingest: %d readings in %d uploads took %d ms: %.0f readings/s", UPLOADS * PER_UPLOAD,
                UPLOADS, took.toMillis(), UPLOADS * PER_UPLOAD / (took.toNanos() / 1e9));

        assertThat(Shipments.storedReadings(shipment)).isEqualTo(UPLOADS * PER_UPLOAD);
        String summary = Shipments.summary(Shipments.qa(), shipment).then().statusCode(200)
                .body("overall.readings", equalTo(UPLOADS * PER_UPLOAD)).extract().asString();

        for (String body : bodies) {
            Shipments.upload(courier, shipment, body).then().statusCode(200)
                    .body("stored", equalTo(0)).body("duplicates", equalTo(PER_UPLOAD));
        }

        assertThat(Shipments.storedReadings(shipment)).isEqualTo(UPLOADS * PER_UPLOAD);
        assertThat(Shipments.summary(Shipments.qa(), shipment).then().statusCode(200).extract().asString())
                .isEqualTo(summary);
    }

    /** One logger's readings, a second apart, between −185.00 and −180.01 °C. */
    private static String body(String logger, Instant from) {
        List<Instant> times = new ArrayList<>(PER_UPLOAD);
        List<BigDecimal> celsius = new ArrayList<>(PER_UPLOAD);
        for (int i = 0; i < PER_UPLOAD; i++) {
            times.add(from.plusSeconds(i));
            celsius.add(BigDecimal.valueOf(-18_500 + i % 500, 2));
        }
        return Shipments.body(logger, times, celsius);
    }
}
