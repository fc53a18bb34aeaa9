package org.vein2vein.shipper.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShipperTest {

    private static final Instant UNTIL = Instant.parse("2099-12-31T00:00:00Z");

    @Test
    void aNewShipperIsActiveAtVersionOneAndEachRevisionIsTheNextVersion() {
        Shipper shipper = Shipper.create("DS-0192", ShipperType.DRY_SHIPPER, UNTIL, Duration.ofDays(10));

        Shipper revised = shipper.revise(ShipperType.DRY_SHIPPER, UNTIL, Duration.ofDays(8), false);

        assertThat(shipper.active()).isTrue();
        assertThat(shipper.version()).isEqualTo(1);
        assertThat(revised).isEqualTo(new Shipper("DS-0192", ShipperType.DRY_SHIPPER, UNTIL, Duration.ofDays(8),
                false, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PT1H", "P60D" })
    void holdTimesFromOneHourToSixtyDaysAreAccepted(String holdTime) {
        assertThat(Shipper.create("DS-0192", ShipperType.DRY_SHIPPER, UNTIL, Duration.parse(holdTime))
                .validatedHoldTime()).isEqualTo(Duration.parse(holdTime));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PT59M59S", "P60DT1S", "PT0S", "-PT10H" })
    void holdTimesOutsideOneHourToSixtyDaysAreRefused(String holdTime) {
        assertThatThrownBy(() -> Shipper.create("DS-0192", ShipperType.DRY_SHIPPER, UNTIL, Duration.parse(holdTime)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT1H to P60D");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ds-0192", "DS", "-DS-0192", "DS 0192", "DS_0192", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456" })
    void anIdOfAnotherShapeIsRefused(String id) {
        assertThatThrownBy(() -> Shipper.create(id, ShipperType.DRY_SHIPPER, UNTIL, Duration.ofDays(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theQualificationIsKeptToTheMicrosecondAsTheDatabaseKeepsIt() {
        Shipper shipper = Shipper.create("DS-0192", ShipperType.DRY_SHIPPER,
                Instant.parse("2099-12-31T00:00:00.123456789Z"), Duration.ofDays(10));

        assertThat(shipper.qualifiedUntil()).isEqualTo(Instant.parse("2099-12-31T00:00:00.123456Z"));
    }
}
