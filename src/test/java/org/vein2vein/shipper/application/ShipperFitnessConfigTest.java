package org.vein2vein.shipper.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service does not judge packing by a margin that makes no sense. */
class ShipperFitnessConfigTest {

    record Config(Duration holdTimeMargin) implements ShipperFitnessConfig {
    }

    @ParameterizedTest
    @ValueSource(strings = { "PT12H", "PT0S", "P2D" })
    void aMarginOfZeroOrLongerIsTaken(String margin) {
        assertThat(ShipperRegistry.fitness(new Config(Duration.parse(margin))).holdTimeMargin())
                .isEqualTo(Duration.parse(margin));
    }

    @Test
    void aNegativeMarginIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ShipperRegistry.fitness(new Config(Duration.ofHours(-1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vein2vein.shipments.hold-time-margin");
    }
}
