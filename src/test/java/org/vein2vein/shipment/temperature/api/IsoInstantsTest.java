package org.vein2vein.shipment.temperature.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-25T10:15:00Z", "2026-11-25T10:15:00.5Z", "2026-11-25T10:15:00.123456Z",
            "2026-11-25T10:15:00.123456789Z", "2000-01-01T00:00:00Z", "2024-02-29T23:59:59Z" })
    void theUtcFormIsReadDirectlyAsTheGeneralParserReadsIt(String text) {
        assertThat(IsoInstants.utc(text)).isEqualTo(Instant.parse(text));
        assertThat(IsoInstants.parse(text)).contains(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-25T11:15:00+01:00", "2026-11-25t10:15:00z", "2026-12-31T23:59:60Z",
            "2026-11-25T24:00:00Z", "2026-11-25T10:15:00.Z" })
    void otherFormsGoThroughTheGeneralParserAsInTheRestOfTheApi(String text) {
        assertThat(IsoInstants.utc(text)).isNull();
        assertThat(IsoInstants.parse(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-02-30T10:15:00Z", "2026-13-01T10:15:00Z", "2026-11-25T10:60:00Z",
            "2026-11-25T10:15:00.1234567890Z", "2026-11-25T10:15Z",
            "2026-11-25 10:15:00Z", "+2026-11-25T10:15:00Z", "2026-11-25T10:15:00", "1999-12-31T23:59:59Z",
            "2100-01-01T00:00:01Z", "-0001-01-01T00:00:00Z", "2026-11-25T1a:15:00Z", "" })
    void anythingElseIsNoInstant(String text) {
        assertThat(IsoInstants.parse(text)).isEmpty();
    }

    @Test
    void aVeryLongTextIsNotParsed() {
        assertThat(IsoInstants.parse("2026-11-25T10:15:00." + "0".repeat(10_000) + "Z")).isEmpty();
    }
}
