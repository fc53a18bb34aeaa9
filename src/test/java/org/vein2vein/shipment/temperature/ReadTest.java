package org.vein2vein.shipment.temperature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.vein2vein.shipment.temperature.Shipments.reading;
import static org.vein2vein.shipment.temperature.Shipments.uploadOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A shipment's readings read back: raw in time order a page at a time, per interval with figures computed by
 * hand here, and summed up with the time out of range.
 */
@QuarkusTest
class ReadTest {

    private final Instant packedAt = Shipments.packingTime();
    private String shipment;

    /** Made for each test, once the service answers (a shipment carries a unit, registered through the API). */
    @org.junit.jupiter.api.BeforeEach
    void packShipment() {
        shipment = Shipments.packed(packedAt);
    }
    private final String qa = Shipments.qa();
    private final String loggerD = Shipments.newLogger("LOG-D");
    private final String loggerE = Shipments.newLogger("LOG-E");
    private final String loggerF = Shipments.newLogger("LOG-F");
    private final String loggerG = Shipments.newLogger("LOG-G");

    /** Two loggers; minutes:seconds after packing, at cryogenic temperatures. */
    private void uploadTwoLoggers() {
        String courier = Shipments.courier();
        Shipments.upload(courier, shipment, uploadOf(loggerD, reading(packedAt, 20, 0, "-180.00"),
                reading(packedAt, 21, 30, "-181.00"), reading(packedAt, 24, 59, "-182.50"),
                reading(packedAt, 25, 0, "-183.00"), reading(packedAt, 29, 0, "-184.01"),
                reading(packedAt, 31, 0, "-185.00"))).then().statusCode(200).body("stored", equalTo(6));
        Shipments.upload(courier, shipment, uploadOf(loggerE, reading(packedAt, 22, 0, "-170.00"),
                reading(packedAt, 25, 0, "-171.00"))).then().statusCode(200).body("stored", equalTo(2));
    }

    @Test
    void rawReadingsComeInTimeOrderThenLoggerOrderAPageAtATime() {
        uploadTwoLoggers();
        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = Shipments.json(Shipments.read(qa, shipment, "?limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract().response());
            page.get("readings").forEach(reading -> read.add(reading.get("loggerId").asText() + " "
                    + minutesOf(reading.get("at").asText()) + " " + reading.get("celsius").decimalValue()));
            assertThat(page.has("buckets")).isFalse();
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(read).containsExactly(loggerD + " 20:00 -180.00", loggerD + " 21:30 -181.00",
                loggerE + " 22:00 -170.00", loggerD + " 24:59 -182.50", loggerD + " 25:00 -183.00",
                loggerE + " 25:00 -171.00", loggerD + " 29:00 -184.01", loggerD + " 31:00 -185.00");
    }

    @Test
    void fromIsIncludedAndToIsNot() {
        uploadTwoLoggers();

        JsonNode page = Shipments.json(Shipments.read(qa, shipment, "?from=" + packedAt.plusSeconds(22 * 60)
                + "&to=" + packedAt.plusSeconds(25 * 60)).then().statusCode(200).extract().response());

        assertThat(page.get("readings").findValuesAsText("at")).containsExactly(
                packedAt.plusSeconds(22 * 60).toString(), packedAt.plusSeconds(24 * 60 + 59).toString());
        assertThat(page.has("nextCursor")).isFalse();
    }

    @Test
    void perIntervalEachLoggersCountLowestHighestAndMeanAsComputedByHand() {
        uploadTwoLoggers();

        JsonNode first = Shipments.json(Shipments.read(qa, shipment, "?every=PT5M&limit=2").then().statusCode(200)
                .body("every", equalTo("PT5M")).body("readings", nullValue()).extract().response());
        JsonNode second = Shipments.json(Shipments.read(qa, shipment, "?every=PT5M&limit=2&cursor="
                + first.get("nextCursor").asText()).then().statusCode(200).extract().response());

        // 20:00 -180.00, 21:30 -181.00, 24:59 -182.50: mean -543.50 / 3 = -181.1666...
        assertBucket(first.at("/buckets/0"), loggerD, 20, 3, "-182.50", "-180.00", "-181.17");
        assertBucket(first.at("/buckets/1"), loggerE, 20, 1, "-170.00", "-170.00", "-170.00");
        // 25:00 -183.00, 29:00 -184.01: mean -367.01 / 2 = -183.505, half away from zero
        assertBucket(second.at("/buckets/0"), loggerD, 25, 2, "-184.01", "-183.00", "-183.51");
        assertBucket(second.at("/buckets/1"), loggerE, 25, 1, "-171.00", "-171.00", "-171.00");
        JsonNode third = Shipments.json(Shipments.read(qa, shipment, "?every=PT5M&limit=2&cursor="
                + second.get("nextCursor").asText()).then().statusCode(200).extract().response());
        assertBucket(third.at("/buckets/0"), loggerD, 30, 1, "-185.00", "-185.00", "-185.00");
        assertThat(third.get("buckets")).hasSize(1);
        assertThat(third.has("nextCursor")).isFalse();
    }

    @Test
    void fromCutsAnIntervalWhichKeepsItsStart() {
        uploadTwoLoggers();

        JsonNode page = Shipments.json(Shipments.read(qa, shipment, "?every=PT5M&from=" + packedAt.plusSeconds(24 * 60)
                + "&to=" + packedAt.plusSeconds(25 * 60)).then().statusCode(200).extract().response());

        assertThat(page.get("buckets")).hasSize(1);
        assertBucket(page.at("/buckets/0"), loggerD, 20, 1, "-182.50", "-182.50", "-182.50");
    }

    @Test
    void dailyIntervalsStartAtMidnightUtc() {
        uploadTwoLoggers();

        JsonNode page = Shipments.json(Shipments.read(qa, shipment, "?every=P1D").then().statusCode(200)
                .body("every", equalTo("PT24H")).extract().response());

        Instant midnight = packedAt.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        assertThat(page.get("buckets").findValuesAsText("from")).containsOnly(midnight.toString());
    }

    @Test
    void theSummaryCountsTimeOutOfRangeFromEachReadingOutsideTheClassToTheLoggersNextReading() {
        String courier = Shipments.courier();
        // Stabilisation ends at 15:00. LOG-F out of range from 30:00 to 40:00 (10 min; the reading at 10:00 is
        // within stabilisation, the one at 50:00 the last); LOG-G from 33:00 to 45:00 (12 min). Together, some
        // logger read out of range from 30:00 to 45:00: 15 min.
        Shipments.upload(courier, shipment, uploadOf(loggerF, reading(packedAt, 10, 0, "-100.00"),
                reading(packedAt, 20, 0, "-185.00"), reading(packedAt, 30, 0, "-140.00"),
                reading(packedAt, 35, 0, "-145.00"), reading(packedAt, 40, 0, "-160.00"),
                reading(packedAt, 50, 0, "-120.00"))).then().statusCode(200).body("excursionsDetected", equalTo(2));
        Shipments.upload(courier, shipment, uploadOf(loggerG, reading(packedAt, 20, 0, "-170.00"),
                reading(packedAt, 33, 0, "-130.00"), reading(packedAt, 45, 0, "-155.00"))).then().statusCode(200)
                .body("excursionsDetected", equalTo(1));

        JsonNode summary = Shipments.json(Shipments.summary(qa, shipment).then().statusCode(200).extract().response());

        assertThat(summary.get("status").asText()).isEqualTo("PACKED");
        assertThat(summary.get("temperatureClass").asText()).isEqualTo(Shipments.CRYO);
        assertThat(summary.get("monitoredFrom").asText()).isEqualTo(packedAt.plusSeconds(15 * 60).toString());
        assertThat(summary.has("receivedAt")).isFalse();
        JsonNode overall = summary.get("overall");
        assertThat(overall.get("readings").asLong()).isEqualTo(9);
        assertThat(overall.get("minCelsius").decimalValue()).isEqualByComparingTo("-185.00");
        assertThat(overall.get("maxCelsius").decimalValue()).isEqualByComparingTo("-100.00");
        assertThat(overall.at("/first/at").asText()).isEqualTo(packedAt.plusSeconds(10 * 60).toString());
        assertThat(overall.at("/last/celsius").decimalValue()).isEqualByComparingTo("-120.00");
        assertThat(overall.get("timeOutOfRange").asText()).isEqualTo("PT15M");
        assertThat(summary.get("totalLoggers").asLong()).isEqualTo(2);
        assertThat(summary.at("/loggers/0/loggerId").asText()).isEqualTo(loggerF);
        assertThat(summary.at("/loggers/0/figures/readings").asLong()).isEqualTo(6);
        assertThat(summary.at("/loggers/0/figures/timeOutOfRange").asText()).isEqualTo("PT10M");
        assertThat(summary.at("/loggers/0/figures/first/celsius").decimalValue()).isEqualByComparingTo("-100.00");
        assertThat(summary.at("/loggers/1/figures/timeOutOfRange").asText()).isEqualTo("PT12M");
        assertThat(summary.at("/loggers/1/figures/minCelsius").decimalValue()).isEqualByComparingTo("-170.00");
        assertThat(summary.at("/loggers/1/figures/last/at").asText())
                .isEqualTo(packedAt.plusSeconds(45 * 60).toString());
        assertThat(summary.get("totalExcursions").asLong()).isEqualTo(3);
        List<String> excursions = new ArrayList<>();
        summary.get("excursions").forEach(excursion -> excursions.add(excursion.get("loggerId").asText() + " "
                + minutesOf(excursion.get("startedAt").asText()) + "-" + minutesOf(excursion.get("endedAt").asText())
                + " " + excursion.get("extremeCelsius").decimalValue()));
        assertThat(excursions).containsExactly(loggerF + " 30:00-35:00 -140.00", loggerG + " 33:00-33:00 -130.00",
                loggerF + " 50:00-50:00 -120.00");
    }

    @Test
    void aShipmentWithoutReadingsSumsUpToNothing() {
        Shipments.summary(qa, shipment).then().statusCode(200).body("overall.readings", equalTo(0))
                .body("overall.timeOutOfRange", equalTo("PT0S")).body("overall.minCelsius", nullValue())
                .body("loggers.size()", equalTo(0)).body("totalExcursions", equalTo(0));
        String planned = Shipments.insert("PLANNED", Shipments.FRESH, null, null);
        Shipments.summary(qa, planned).then().statusCode(200).body("status", equalTo("PLANNED"))
                .body("monitoredFrom", nullValue()).body("overall.readings", equalTo(0));
        Shipments.read(qa, planned, "?every=PT1H").then().statusCode(200).body("buckets.size()", equalTo(0));
    }

    private String minutesOf(String instant) {
        long seconds = Instant.parse(instant).getEpochSecond() - packedAt.getEpochSecond();
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }

    private void assertBucket(JsonNode bucket, String loggerId, int fromMinute, long readings, String min, String max,
            String avg) {
        assertThat(bucket.get("loggerId").asText()).isEqualTo(loggerId);
        assertThat(bucket.get("from").asText()).isEqualTo(packedAt.plusSeconds(fromMinute * 60L).toString());
        assertThat(bucket.get("readings").asLong()).isEqualTo(readings);
        assertThat(bucket.get("minCelsius").decimalValue()).isEqualByComparingTo(min);
        assertThat(bucket.get("maxCelsius").decimalValue()).isEqualByComparingTo(max);
        assertThat(bucket.get("avgCelsius").decimalValue()).isEqualByComparingTo(avg);
    }
}
