package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.TemperatureClass;
import org.vein2vein.product.domain.TimeWindow;

class TimeWindowsTest {

    private static final TimeWindow COLLECTION_TO_RECEIPT = new TimeWindow("collection-to-receipt", Stage.COLLECTED,
            Stage.RECEIVED_AT_MANUFACTURING, Duration.ofHours(48));
    private static final TimeWindow PACKING = new TimeWindow("out-of-storage", Stage.SHIPPED_TO_SITE,
            Stage.SHIPPED_TO_SITE, Duration.ofMinutes(30));

    private final TimeWindows rule = new TimeWindows();

    @Test
    void acceptsAStepBeforeItsDeadline() {
        assertThat(rule.check(receipt(Contexts.NOW.minus(Duration.ofHours(47))).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesALateStepAndKeepsTheAttemptOnRecordWithTheWindowsFacts() {
        Instant started = Contexts.NOW.minus(Duration.ofHours(51));
        Refusal refusal = Contexts.refusalOf(rule.check(receipt(started).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.TIME_WINDOW_MISSED);
        assertThat(refusal.kind().recorded()).isTrue();
        assertThat(refusal.details()).containsEntry("window", "collection-to-receipt").containsEntry("missedBy", "PT3H")
                .containsEntry("deadline", started.plus(Duration.ofHours(48)).toString());
    }

    @Test
    void acceptsALateStepUnderADeviationAndNotesWhatItMissed() {
        Ruling ruling = rule.check(receipt(Contexts.NOW.minus(Duration.ofHours(51))).underDeviation("DEV-2026-1").build());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> missed = (List<Map<String, Object>>) ((Ruling.Accepted) ruling).notes()
                .get("missedWindows");
        assertThat(missed).singleElement().satisfies(window -> assertThat(window).containsEntry("missedBy", "PT3H"));
    }

    @Test
    void measuresTimeOutOfStorageWithinThePackingStepFromItsData() {
        StageData.Shipment shipment = new StageData.Shipment("SITE-LYON-01", "CRYO-COURIER-EU", "DS-1",
                TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C, List.of("V2V7K3Q9P2XRTB-01"),
                Optional.of(Contexts.NOW.minus(Duration.ofMinutes(45))), Optional.empty());
        Refusal refusal = Contexts.refusalOf(rule.check(Contexts.step(Stage.SHIPPED_TO_SITE, shipment).at(Stage.STORED)
                .window(PACKING, null).build()));
        assertThat(refusal.details()).containsEntry("missedBy", "PT15M");
    }

    @Test
    void aWindowWhoseClockIsNotRunningIsNotChecked() {
        assertThat(rule.check(Contexts.step(Stage.RECEIVED_AT_MANUFACTURING, receiptData())
                .at(Stage.SHIPPED_TO_MANUFACTURING).window(COLLECTION_TO_RECEIPT, null).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    private static Contexts receipt(Instant collectionStarted) {
        return Contexts.step(Stage.RECEIVED_AT_MANUFACTURING, receiptData()).at(Stage.SHIPPED_TO_MANUFACTURING)
                .window(COLLECTION_TO_RECEIPT, collectionStarted);
    }

    private static StageData.Receipt receiptData() {
        return new StageData.Receipt(Contexts.scan(Contexts.COI.value(), null, "op-2"), StageData.Condition.INTACT,
                Optional.empty(), List.of(), Optional.empty());
    }
}
