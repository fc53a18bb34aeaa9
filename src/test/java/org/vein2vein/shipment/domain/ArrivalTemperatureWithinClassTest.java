package org.vein2vein.shipment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vein2vein.product.domain.TemperatureClass;

class ArrivalTemperatureWithinClassTest {

    private static final Optional<String> DEVIATION = Optional.of("DEV-2026-0042");

    private final Shipment fresh = Shipments.delivered().temperatureClass(TemperatureClass.FRESH_2_TO_8_C).build();
    private final Shipment cryo = Shipments.delivered()
            .temperatureClass(TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C).build();

    @ParameterizedTest
    @ValueSource(strings = { "2.00", "2", "5.5", "8", "8.00" })
    void admitsAFreshArrivalFromTwoToEightInclusive(String celsius) {
        assertThat(ArrivalTemperatureWithinClass.check(fresh, new BigDecimal(celsius), Optional.empty())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.99", "8.01", "0", "-150", "25" })
    void refusesAFreshArrivalOutsideTwoToEight(String celsius) {
        BigDecimal arrival = new BigDecimal(celsius);
        ShipmentRefusal refusal = refusal(fresh, arrival);
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.ARRIVAL_TEMPERATURE_OUT_OF_RANGE);
        assertThat(refusal.details()).containsEntry("temperatureOnArrivalC", arrival)
                .containsEntry("temperatureClass", TemperatureClass.FRESH_2_TO_8_C);
        assertThat(refusal.detail()).contains(Shipments.ID).contains(celsius).contains("2 to 8 °C")
                .contains("deviationReference");
    }

    @ParameterizedTest
    @ValueSource(strings = { "-150.00", "-150", "-150.01", "-196" })
    void admitsACryoArrivalAtOrBelowMinus150(String celsius) {
        assertThat(ArrivalTemperatureWithinClass.check(cryo, new BigDecimal(celsius), Optional.empty())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "-149.99", "-80", "5" })
    void refusesACryoArrivalAboveMinus150(String celsius) {
        ShipmentRefusal refusal = refusal(cryo, new BigDecimal(celsius));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.ARRIVAL_TEMPERATURE_OUT_OF_RANGE);
        assertThat(refusal.details()).containsEntry("temperatureClass", TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C);
        assertThat(refusal.detail()).contains("at or below -150 °C");
    }

    @Test
    void acceptsAnArrivalOutsideTheClassUnderADeviationAndSaysSo() {
        assertThat(ArrivalTemperatureWithinClass.check(fresh, new BigDecimal("1.99"), DEVIATION)).isTrue();
        assertThat(ArrivalTemperatureWithinClass.check(fresh, new BigDecimal("8.01"), DEVIATION)).isTrue();
        assertThat(ArrivalTemperatureWithinClass.check(cryo, new BigDecimal("-149.99"), DEVIATION)).isTrue();
    }

    @Test
    void anArrivalWithinTheClassIsNotADeviationThoughOneIsGiven() {
        assertThat(ArrivalTemperatureWithinClass.check(fresh, new BigDecimal("2.00"), DEVIATION)).isFalse();
        assertThat(ArrivalTemperatureWithinClass.check(fresh, new BigDecimal("8.00"), DEVIATION)).isFalse();
        assertThat(ArrivalTemperatureWithinClass.check(cryo, new BigDecimal("-150.00"), DEVIATION)).isFalse();
    }

    private static ShipmentRefusal refusal(Shipment shipment, BigDecimal arrival) {
        ShipmentRefusal[] refusal = new ShipmentRefusal[1];
        assertThatThrownBy(() -> ArrivalTemperatureWithinClass.check(shipment, arrival, Optional.empty()))
                .isInstanceOfSatisfying(ShipmentRefusedException.class, e -> refusal[0] = e.refusal());
        return refusal[0];
    }
}
