package org.vein2vein.shipper.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.shipper.domain.Unfitness.Reason;

class ShipperFitnessTest {

    private static final TemperatureClass CRYO = TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C;
    private static final TemperatureClass FRESH = TemperatureClass.FRESH_2_TO_8_C;
    private static final Duration MARGIN = Duration.ofHours(12);
    private static final Instant PACKED_AT = Instant.parse("2026-11-25T08:00:00Z");
    /** A transit of 32 hours: with the margin, 44 hours of hold are needed. */
    private static final Instant ARRIVAL = Instant.parse("2026-11-26T16:00:00Z");

    private final ShipperFitness fitness = new ShipperFitness(MARGIN);

    @Test
    void aQualifiedActiveDryShipperWithHoldToSpareCarriesCryopreservedProduct() {
        Shipper shipper = dryShipper(Instant.parse("2099-12-31T00:00:00Z"), Duration.ofDays(10));

        assertThat(fitness.assess(shipper, CRYO, PACKED_AT, ARRIVAL)).isEmpty();
    }

    @Test
    void anInactiveShipperIsUnfit() {
        Shipper retired = dryShipper(Instant.parse("2099-12-31T00:00:00Z"), Duration.ofDays(10))
                .revise(ShipperType.DRY_SHIPPER, Instant.parse("2099-12-31T00:00:00Z"), Duration.ofDays(10), false);

        List<Unfitness> reasons = fitness.assess(retired, CRYO, PACKED_AT, ARRIVAL);

        assertThat(reasons).extracting(Unfitness::reason).containsExactly(Reason.INACTIVE);
        assertThat(reasons.get(0).detail()).isEqualTo("Shipper DS-0192 is out of service (inactive).");
    }

    @Test
    void aQualificationEndingBeforeThePlannedArrivalIsExpiredAndNamesBothTimes() {
        Shipper shipper = dryShipper(ARRIVAL.minusSeconds(1), Duration.ofDays(10));

        List<Unfitness> reasons = fitness.assess(shipper, CRYO, PACKED_AT, ARRIVAL);

        assertThat(reasons).extracting(Unfitness::reason).containsExactly(Reason.QUALIFICATION_EXPIRED);
        assertThat(reasons.get(0).figures()).containsExactly(Map.entry("qualifiedUntil", "2026-11-26T15:59:59Z"),
                Map.entry("plannedArrivalAt", "2026-11-26T16:00:00Z"));
    }

    @Test
    void aQualificationEndingExactlyAtThePlannedArrivalIsEnough() {
        assertThat(fitness.assess(dryShipper(ARRIVAL, Duration.ofDays(10)), CRYO, PACKED_AT, ARRIVAL)).isEmpty();
    }

    @Test
    void aQualificationEndingDuringTransitIsExpiredEvenIfValidAtPacking() {
        Shipper shipper = dryShipper(PACKED_AT.plus(Duration.ofHours(1)), Duration.ofDays(10));

        assertThat(fitness.assess(shipper, CRYO, PACKED_AT, ARRIVAL)).extracting(Unfitness::reason)
                .containsExactly(Reason.QUALIFICATION_EXPIRED);
    }

    @ParameterizedTest(name = "{0} with {1}: fits {2}")
    @CsvSource({
            "DRY_SHIPPER,    CRYO_AT_OR_BELOW_MINUS_150_C, true",
            "DRY_SHIPPER,    FRESH_2_TO_8_C,               false",
            "COLD_BOX_2_8_C, FRESH_2_TO_8_C,               true",
            "COLD_BOX_2_8_C, CRYO_AT_OR_BELOW_MINUS_150_C, false" })
    void eachTypeFitsItsOwnTemperatureClassOnly(ShipperType type, TemperatureClass temperatureClass, boolean fits) {
        assertThat(type.fits(temperatureClass)).isEqualTo(fits);
        Shipper shipper = new Shipper("SH-0001", type, Instant.parse("2099-12-31T00:00:00Z"), Duration.ofDays(10),
                true, 1);

        List<Unfitness> reasons = fitness.assess(shipper, temperatureClass, PACKED_AT, ARRIVAL);

        assertThat(reasons).extracting(Unfitness::reason)
                .isEqualTo(fits ? List.of() : List.of(Reason.TYPE_DOES_NOT_FIT_CLASS));
    }

    @Test
    void aColdBoxForCryopreservedProductNamesItsTypeAndTheClass() {
        Shipper coldBox = new Shipper("CB-0042", ShipperType.COLD_BOX_2_8_C, Instant.parse("2099-12-31T00:00:00Z"),
                Duration.ofDays(2), true, 1);

        Unfitness unfit = fitness.assess(coldBox, CRYO, PACKED_AT, ARRIVAL).get(0);

        assertThat(unfit.detail())
                .isEqualTo("Shipper CB-0042 is a COLD_BOX_2_8_C, which does not keep CRYO_AT_OR_BELOW_MINUS_150_C.");
        assertThat(unfit.figures()).containsExactly(Map.entry("shipperType", "COLD_BOX_2_8_C"),
                Map.entry("temperatureClass", "CRYO_AT_OR_BELOW_MINUS_150_C"));
    }

    @Test
    void aHoldTimeShorterThanTheTransitPlusTheMarginIsTooShortAndSaysByHowMuch() {
        Shipper shipper = dryShipper(Instant.parse("2099-12-31T00:00:00Z"), Duration.ofHours(20));

        List<Unfitness> reasons = fitness.assess(shipper, CRYO, PACKED_AT, ARRIVAL);

        assertThat(reasons).extracting(Unfitness::reason).containsExactly(Reason.HOLD_TIME_TOO_SHORT);
        assertThat(reasons.get(0).figures()).containsExactly(Map.entry("requiredHoldTime", "P1DT20H"),
                Map.entry("validatedHoldTime", "PT20H"), Map.entry("plannedTransit", "P1DT8H"),
                Map.entry("holdTimeMargin", "PT12H"));
        assertThat(reasons.get(0).detail()).isEqualTo("Shipper DS-0192 is validated to hold PT20H; the planned "
                + "transit of P1DT8H plus the margin of PT12H needs P1DT20H.");
    }

    @Test
    void aHoldTimeLongerThanTheTransitButNotTheMarginIsTooShort() {
        Shipper shipper = dryShipper(Instant.parse("2099-12-31T00:00:00Z"), Duration.ofHours(40));

        assertThat(fitness.assess(shipper, CRYO, PACKED_AT, ARRIVAL)).extracting(Unfitness::reason)
                .containsExactly(Reason.HOLD_TIME_TOO_SHORT);
    }

    @Test
    void aHoldTimeOfExactlyTheTransitPlusTheMarginIsEnoughAndOneMinuteLessIsNot() {
        Duration required = Duration.ofHours(44);

        assertThat(fitness.assess(dryShipper(Instant.parse("2099-12-31T00:00:00Z"), required), CRYO, PACKED_AT,
                ARRIVAL)).isEmpty();
        assertThat(fitness.assess(dryShipper(Instant.parse("2099-12-31T00:00:00Z"), required.minusMinutes(1)), CRYO,
                PACKED_AT, ARRIVAL)).extracting(Unfitness::reason).containsExactly(Reason.HOLD_TIME_TOO_SHORT);
    }

    @Test
    void withNoMarginTheTransitAloneMustBeHeld() {
        ShipperFitness noMargin = new ShipperFitness(Duration.ZERO);

        assertThat(noMargin.assess(dryShipper(Instant.parse("2099-12-31T00:00:00Z"), Duration.ofHours(32)), CRYO,
                PACKED_AT, ARRIVAL)).isEmpty();
    }

    @Test
    void everyReasonIsGivenInOrderWhenAllApply() {
        Shipper worst = new Shipper("CB-0001", ShipperType.COLD_BOX_2_8_C, Instant.parse("2025-01-01T00:00:00Z"),
                Duration.ofHours(2), false, 3);

        assertThat(fitness.assess(worst, CRYO, PACKED_AT, ARRIVAL)).extracting(Unfitness::reason).containsExactly(
                Reason.INACTIVE, Reason.QUALIFICATION_EXPIRED, Reason.TYPE_DOES_NOT_FIT_CLASS,
                Reason.HOLD_TIME_TOO_SHORT);
    }

    @Test
    void aNegativeMarginIsRefused() {
        assertThatThrownBy(() -> new ShipperFitness(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-PT1H");
    }

    @Test
    void aPlannedArrivalBeforeThePackingHasNoTransitToJudge() {
        Shipper shipper = dryShipper(Instant.parse("2099-12-31T00:00:00Z"), Duration.ofDays(10));

        assertThatThrownBy(() -> fitness.assess(shipper, CRYO, ARRIVAL, PACKED_AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "P10D, P10D", "PT20H, PT20H", "PT36H, P1DT12H", "PT1H30M, PT1H30M", "P1DT0.5S, P1DT0.5S",
            "PT0S, PT0S", "-PT36H, -P1DT12H" })
    void durationsAreWrittenWithWholeDaysAsDays(String duration, String written) {
        assertThat(DaysAndTime.format(Duration.parse(duration))).isEqualTo(written);
    }

    private static Shipper dryShipper(Instant qualifiedUntil, Duration holdTime) {
        return new Shipper("DS-0192", ShipperType.DRY_SHIPPER, qualifiedUntil, holdTime, true, 1);
    }
}
