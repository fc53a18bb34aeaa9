package org.vein2vein.clock.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.clock.domain.WindowClock;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.TimeWindow;
import org.vein2vein.testing.Api;

/** How steps start and stop the clocks of a batch's windows, as the step transaction calls it. */
@QuarkusTest
class ClockServiceTest {

    private static final List<TimeWindow> WINDOWS = List.of(
            new TimeWindow("collection-to-receipt", Stage.COLLECTED, Stage.RECEIVED_AT_MANUFACTURING,
                    Duration.ofHours(48)),
            new TimeWindow("out-of-storage-while-packing", Stage.SHIPPED_TO_SITE, Stage.SHIPPED_TO_SITE,
                    Duration.ofMinutes(30)),
            new TimeWindow("dry-shipper-hold", Stage.SHIPPED_TO_SITE, Stage.RECEIVED_AT_SITE, Duration.ofDays(10)),
            new TimeWindow("thaw-to-infusion", Stage.THAWED, Stage.INFUSED, Duration.ofHours(1)));

    @Inject
    ClockService clocks;

    private final Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);

    @Test
    void theFirstStageOfAWindowStartsItsClockAndARepeatDoesNotRestartIt() {
        String coi = Api.registerAutologous("PSN-CLOCK-02");

        reached(coi, "", Stage.COLLECTED, start, false);
        reached(coi, "", Stage.COLLECTED, start.plusSeconds(30), false);

        WindowClock clock = find(coi, "", "collection-to-receipt").orElseThrow();
        assertThat(clock.startedAt()).isEqualTo(start);
        assertThat(clock.deadline()).isEqualTo(start.plus(Duration.ofHours(48)));
        assertThat(clock.from()).isEqualTo(Stage.COLLECTED);
        assertThat(clock.to()).isEqualTo(Stage.RECEIVED_AT_MANUFACTURING);
        assertThat(clock.isRunning()).isTrue();
        assertThat(running(coi)).extracting(WindowClock::window).containsExactly("collection-to-receipt");

        reached(coi, "", Stage.RECEIVED_AT_MANUFACTURING, start.plusSeconds(40), false);

        assertThat(find(coi, "", "collection-to-receipt").orElseThrow().stoppedAt())
                .contains(start.plusSeconds(40));
        assertThat(running(coi)).isEmpty();
        reached(coi, "", Stage.COLLECTED, start.plusSeconds(50), false);
        assertThat(running(coi)).as("a stopped clock stays stopped").isEmpty();
    }

    @Test
    void aWindowWithinOneStepHasNoClock() {
        String coi = Api.registerAutologous("PSN-CLOCK-03");

        reached(coi, "", Stage.SHIPPED_TO_SITE, start, false);

        assertThat(find(coi, "", "out-of-storage-while-packing")).isEmpty();
        assertThat(running(coi)).extracting(WindowClock::window).containsExactly("dry-shipper-hold");
        reached(coi, "", Stage.CANCELLED, start.plusSeconds(1), true);
        assertThat(running(coi)).isEmpty();
    }

    @Test
    void doseUnitsHaveTheirOwnClocksAndTheEndOfAUnitsJourneyStopsOnlyItsOwn() {
        String coi = Api.registerAutologous("PSN-CLOCK-04");
        reached(coi, "", Stage.SHIPPED_TO_SITE, start, false);
        reached(coi, "DOSE-01", Stage.THAWED, start.plusSeconds(1), false);
        reached(coi, "DOSE-02", Stage.THAWED, start.plusSeconds(2), false);

        reached(coi, "DOSE-01", Stage.INFUSED, start.plusSeconds(3), true);

        assertThat(find(coi, "DOSE-01", "thaw-to-infusion").orElseThrow().stoppedAt()).contains(start.plusSeconds(3));
        assertThat(running(coi)).extracting(WindowClock::window, WindowClock::unitId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("thaw-to-infusion", "DOSE-02"),
                org.assertj.core.groups.Tuple.tuple("dry-shipper-hold", ""));

        reached(coi, "", Stage.CANCELLED, start.plusSeconds(4), true);

        assertThat(running(coi)).as("the end of the batch's journey stops every clock").isEmpty();
        assertThat(find(coi, "DOSE-02", "thaw-to-infusion").orElseThrow().stoppedAt()).contains(start.plusSeconds(4));
    }

    @Test
    void clocksChangeOnlyWithinTheStepsTransaction() {
        String coi = Api.registerAutologous("PSN-CLOCK-05");

        assertThatThrownBy(() -> clocks.stageReached(coi, "", Stage.COLLECTED, start, false, WINDOWS))
                .isInstanceOf(TransactionalException.class);
        assertThat(find(coi, "", "collection-to-receipt")).isEmpty();
    }

    private void reached(String coi, String unitId, Stage stage, Instant at, boolean endsJourney) {
        QuarkusTransaction.requiringNew().run(() -> clocks.stageReached(coi, unitId, stage, at, endsJourney, WINDOWS));
    }

    private Optional<WindowClock> find(String coi, String unitId, String window) {
        return QuarkusTransaction.requiringNew().call(() -> clocks.find(coi, unitId, window));
    }

    private List<WindowClock> running(String coi) {
        return QuarkusTransaction.requiringNew().call(() -> clocks.running(coi));
    }
}
