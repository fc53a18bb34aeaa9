package org.vein2vein.shipment.temperature.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vein2vein.shipment.temperature.domain.Readings.minute;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.shipment.domain.ShipmentStatus;

class TransitWindowTest {

    private static final Duration SKEW = Duration.ofMinutes(2);
    private static final Instant NOW = minute(600);

    @Test
    void aPlannedShipmentKeepsNoReadings() {
        TransitWindow window = TransitWindow.of(ShipmentStatus.PLANNED, Optional.empty(), Optional.empty(), NOW, SKEW);

        assertThat(window.contains(minute(10))).isFalse();
    }

    @Test
    void aTravellingShipmentKeepsReadingsFromPackingToNowPlusTheClockSkew() {
        for (ShipmentStatus travelling : new ShipmentStatus[] { ShipmentStatus.PACKED, ShipmentStatus.PICKED_UP,
                ShipmentStatus.DELIVERED }) {
            TransitWindow window = TransitWindow.of(travelling, Optional.of(minute(0)), Optional.empty(), NOW, SKEW);

            assertThat(window.contains(minute(0))).isTrue();
            assertThat(window.contains(minute(0).minusNanos(1_000))).isFalse();
            assertThat(window.contains(NOW.plus(SKEW))).isTrue();
            assertThat(window.contains(NOW.plus(SKEW).plusNanos(1_000))).isFalse();
        }
    }

    @Test
    void aReceivedShipmentKeepsReadingsFromPackingToReceipt() {
        TransitWindow window = TransitWindow.of(ShipmentStatus.RECEIVED, Optional.of(minute(0)),
                Optional.of(minute(300)), NOW, SKEW);

        assertThat(window.contains(minute(300))).isTrue();
        assertThat(window.contains(minute(301))).isFalse();
        assertThat(window.contains(minute(0))).isTrue();
    }
}
