package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.UnitCustody;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class IdentityCheckpointsTest {

    private static final String BAG = "V2V7K3Q9P2XRTB-01";
    private final IdentityCheckpoints rule = new IdentityCheckpoints();

    @Test
    void acceptsAReceiptThatScannedTheBatchsCoi() {
        assertThat(rule.check(receiptAtManufacturing(Contexts.COI.value()))).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesAnotherBatchsCoiRecordsItAndHolds() {
        Refusal refusal = Contexts.refusalOf(rule.check(receiptAtManufacturing("V2V0000000000X")));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.IDENTITY_MISMATCH);
        assertThat(refusal.kind().recorded()).isTrue();
        assertThat(refusal.kind().holds()).isTrue();
        assertThat(refusal.detail()).contains("The batch is on hold until QA decides");
    }

    @Test
    void refusesAThawOfABagThatIsNotTheBatchs() {
        StepContext context = Contexts.step(Stage.THAWED, new StageData.Thaw("V2VOTHER00000-01",
                Contexts.scan(Contexts.COI.value(), "V2VOTHER00000-01", "op-2"), Optional.empty()))
                .at(Stage.RECEIVED_AT_SITE).unit(Contexts.bag(BAG, 200_000_000)).build();
        assertThat(Contexts.refusalOf(rule.check(context)).detail()).contains("is not a unit of batch");
    }

    @Test
    void refusesAReceiptAtTheSiteOfOtherUnitsThanTheLatestShipmentCarried() {
        BatchUnit shipped = new BatchUnit(BAG, BatchUnit.Kind.BAG, Optional.of(200_000_000L), true, UnitCustody.at("SITE-LYON-01", "HOSP-LYON"));
        BatchUnit kept = new BatchUnit("V2V7K3Q9P2XRTB-02", BatchUnit.Kind.BAG, Optional.of(200_000_000L), false, UnitCustody.at("SITE-LYON-01", "HOSP-LYON"));
        StepContext context = Contexts.step(Stage.RECEIVED_AT_SITE, new StageData.Receipt(
                Contexts.scan(Contexts.COI.value(), null, "op-2"), StageData.Condition.INTACT, Optional.empty(),
                List.of("V2V7K3Q9P2XRTB-02"), Optional.empty())).at(Stage.SHIPPED_TO_SITE).unit(shipped).unit(kept).build();
        assertThat(Contexts.refusalOf(rule.check(context)).detail())
                .contains("the units received [V2V7K3Q9P2XRTB-02] are not the units shipped [" + BAG + "]");
    }

    @Test
    void acceptsAReceiptAtTheSiteOfExactlyTheUnitsTheLatestShipmentCarried() {
        BatchUnit shipped = new BatchUnit(BAG, BatchUnit.Kind.BAG, Optional.of(200_000_000L), true, UnitCustody.at("SITE-LYON-01", "HOSP-LYON"));
        StepContext context = Contexts.step(Stage.RECEIVED_AT_SITE, new StageData.Receipt(
                Contexts.scan(Contexts.COI.value(), BAG, "op-2"), StageData.Condition.INTACT, Optional.empty(),
                List.of(BAG), Optional.empty())).at(Stage.SHIPPED_TO_SITE).unit(shipped).build();
        assertThat(rule.check(context)).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void aStepThatIsNoCheckpointIsNotChecked() {
        assertThat(rule.check(Contexts.step(Stage.ACCEPTED, new StageData.Acceptance(StageData.Condition.INTACT))
                .at(Stage.RECEIVED_AT_MANUFACTURING).build())).isInstanceOf(Ruling.Accepted.class);
    }

    private static StepContext receiptAtManufacturing(String scannedCoi) {
        return Contexts.step(Stage.RECEIVED_AT_MANUFACTURING, new StageData.Receipt(Contexts.scan(scannedCoi, null, "op-2"),
                StageData.Condition.INTACT, Optional.empty(), List.of(), Optional.empty())).at(Stage.SHIPPED_TO_MANUFACTURING).build();
    }
}
