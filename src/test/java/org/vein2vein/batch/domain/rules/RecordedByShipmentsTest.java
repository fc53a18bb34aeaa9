package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.TemperatureClass;

class RecordedByShipmentsTest {

    private static final String UNIT = "V2V7K3Q9P2XRTB-01";
    private static final String DOSE = "V2V7K3Q9P2XRTB-D01";

    private final RecordedByShipments rule = new RecordedByShipments();

    @Test
    void theShipmentStagesAreTheFourShippingAndReceivingStages() {
        assertThat(RecordedByShipments.SHIPMENT_STAGES).containsExactlyInAnyOrder(Stage.SHIPPED_TO_MANUFACTURING,
                Stage.RECEIVED_AT_MANUFACTURING, Stage.SHIPPED_TO_SITE, Stage.RECEIVED_AT_SITE);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING",
            "SHIPPED_TO_SITE", "RECEIVED_AT_SITE" })
    void refusesEachShipmentStageThroughTheStepEndpoint(Stage stage) {
        Refusal refusal = Contexts.refusalOf(rule.check(step(stage).channel(StepChannel.TECHNICIAN).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.RECORDED_BY_SHIPMENTS);
        assertThat(refusal.details()).containsEntry("shipments", "/api/v1/shipments")
                .containsEntry("attemptedStage", stage);
        assertThat(refusal.detail()).contains(stage.name()).contains("/api/v1/shipments");
        assertThat(refusal.kind().recorded()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING",
            "SHIPPED_TO_SITE", "RECEIVED_AT_SITE" })
    void refusesEachShipmentStageByQualityAssurance(Stage stage) {
        assertThat(Contexts.refusalOf(rule.check(step(stage).channel(StepChannel.QUALITY_ASSURANCE).build())).kind())
                .isEqualTo(RefusalKind.RECORDED_BY_SHIPMENTS);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING",
            "SHIPPED_TO_SITE", "RECEIVED_AT_SITE" })
    void acceptsEachShipmentStageThroughAShipment(Stage stage) {
        assertThat(rule.check(step(stage).channel(StepChannel.SHIPMENT).build())).isInstanceOf(Ruling.Accepted.class);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "RECEIVED_AT_MANUFACTURING", "RECEIVED_AT_SITE" })
    void acceptsABatchHeldAtAReceiptResumingItThroughTheStepEndpoint(Stage stage) {
        assertThat(rule.check(step(stage).heldFrom(stage).channel(StepChannel.TECHNICIAN).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    /** Held in transit, a batch goes on with its shipment: the receipt takes its units in, still held. */
    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "SHIPPED_TO_MANUFACTURING", "SHIPPED_TO_SITE" })
    void refusesABatchHeldInTransitResumingItsShippingStageThroughTheStepEndpoint(Stage stage) {
        assertThat(Contexts.refusalOf(rule.check(step(stage).heldFrom(stage).channel(StepChannel.TECHNICIAN)
                .build())).kind()).isEqualTo(RefusalKind.RECORDED_BY_SHIPMENTS);
    }

    @Test
    void refusesABatchOnHoldLoggingAShipmentStageItDidNotLeave() {
        Refusal refusal = Contexts.refusalOf(rule.check(step(Stage.RECEIVED_AT_SITE).heldFrom(Stage.SHIPPED_TO_SITE)
                .build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.RECORDED_BY_SHIPMENTS);
        assertThat(Contexts.refusalOf(rule.check(step(Stage.SHIPPED_TO_SITE).heldFrom(Stage.STORED).build())).kind())
                .isEqualTo(RefusalKind.RECORDED_BY_SHIPMENTS);
    }

    @Test
    void refusesABatchNotOnHoldLoggingTheStageItIsAt() {
        assertThat(Contexts.refusalOf(rule.check(step(Stage.RECEIVED_AT_SITE).at(Stage.RECEIVED_AT_SITE).build()))
                .kind()).isEqualTo(RefusalKind.RECORDED_BY_SHIPMENTS);
    }

    @Test
    void acceptsADoseHeldAtItsReceiptResumingIt() {
        StepContext resuming = Custodies.concerning(doseStep(Stage.RECEIVED_AT_SITE).build(),
                Custodies.heldDose(DOSE, Stage.RECEIVED_AT_SITE));
        assertThat(rule.check(resuming)).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesADoseOnHoldLoggingAShipmentStageItDidNotLeave() {
        StepContext receiving = Custodies.concerning(doseStep(Stage.RECEIVED_AT_SITE).build(),
                Custodies.heldDose(DOSE, Stage.SHIPPED_TO_SITE));
        assertThat(Contexts.refusalOf(rule.check(receiving)).kind()).isEqualTo(RefusalKind.RECORDED_BY_SHIPMENTS);
        StepContext shipping = Custodies.concerning(doseStep(Stage.SHIPPED_TO_SITE).build(),
                Custodies.heldDose(DOSE, Stage.ALLOCATED));
        assertThat(Contexts.refusalOf(rule.check(shipping)).kind()).isEqualTo(RefusalKind.RECORDED_BY_SHIPMENTS);
    }

    @Test
    void aDosesStepReadsTheDosesHoldNotTheLots() {
        // The lot is stored, not on hold: a dose that is not on hold ships only through a shipment.
        StepContext shipping = doseStep(Stage.SHIPPED_TO_SITE).dose(DOSE, Stage.ALLOCATED, Optional.of("RCP-0007"))
                .build();
        assertThat(Contexts.refusalOf(rule.check(shipping)).kind()).isEqualTo(RefusalKind.RECORDED_BY_SHIPMENTS);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "THAWED", "INFUSED", "STORED", "QUARANTINED", "CANCELLED" })
    void doesNotJudgeOtherStages(Stage stage) {
        StepContext context = Contexts.step(stage, new StageData.SideExit(StageData.ExitReason.OTHER,
                Optional.empty(), Optional.empty())).at(Stage.RECEIVED_AT_SITE).build();
        assertThat(rule.check(context)).isInstanceOf(Ruling.Accepted.class);
    }

    private static Contexts step(Stage stage) {
        Stage from = switch (stage) {
            case SHIPPED_TO_MANUFACTURING -> Stage.COLLECTED;
            case RECEIVED_AT_MANUFACTURING -> Stage.SHIPPED_TO_MANUFACTURING;
            case SHIPPED_TO_SITE -> Stage.STORED;
            default -> Stage.SHIPPED_TO_SITE;
        };
        return Contexts.step(stage, dataFor(stage, UNIT)).at(from);
    }

    private static Contexts doseStep(Stage stage) {
        return Contexts.step(stage, dataFor(stage, DOSE)).allogeneic().at(Stage.STORED);
    }

    private static StageData dataFor(Stage stage, String unit) {
        if (stage.isShipment()) {
            return new StageData.Shipment("SITE-LYON-01", "CRYO-COURIER-EU", "DS-1",
                    TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C, List.of(unit), Optional.of(Contexts.NOW),
                    Optional.empty());
        }
        return new StageData.Receipt(Contexts.scan(Contexts.COI.value(), unit, "op-2"), StageData.Condition.INTACT,
                Optional.of(new BigDecimal("-160")), List.of(unit), Optional.empty());
    }
}
