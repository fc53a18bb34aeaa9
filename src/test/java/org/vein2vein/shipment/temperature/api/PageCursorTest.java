package org.vein2vein.shipment.temperature.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vein2vein.shipment.temperature.domain.SeriesPosition;

class PageCursorTest {

    @Test
    void aCursorNamesThePositionItWasMadeFrom() {
        SeriesPosition position = new SeriesPosition(Instant.parse("2026-11-25T10:15:00.123456Z"), "LOG-7731-A");

        assertThat(PageCursor.decode(PageCursor.encode(position))).contains(position);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not a cursor", "MTc2NDA2NTcwMDAwMDAwMH5MT0ctNzczMS1B==", "%%%", "AAAA" })
    void anythingElseIsNoCursor(String text) {
        assertThat(PageCursor.decode(text)).isEmpty();
    }

    @Test
    void aCursorOfAnotherShapeIsNoCursor() {
        for (String inside : new String[] { "-5~LOG-1", "12~", "12~L", "12~LOG 1", "x~LOG-1", "12LOG-1",
                "1234567890123456789~LOG-1" }) {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(inside.getBytes(StandardCharsets.US_ASCII));
            assertThat(PageCursor.decode(cursor)).as(inside).isEmpty();
        }
    }

    @Test
    void aVeryLongCursorIsNotDecoded() {
        assertThat(PageCursor.decode("A".repeat(10_000))).isEmpty();
    }
}
