package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.TemperatureClass;

class DoseRoutingTest {

    @Test
    void aStepOfAnAutologousBatchConcernsTheBatch() {
        StepContext context = Contexts.step(Stage.THAWED, new StageData.Thaw("V2V7K3Q9P2XRTB-01",
                Contexts.scan(Contexts.COI.value(), "V2V7K3Q9P2XRTB-01", "op-2"), Optional.empty()))
                .at(Stage.RECEIVED_AT_SITE).build();
        assertThat(DoseRouting.doseUnit(context.batch(), context.step())).isEmpty();
    }

    @Test
    void aShipmentOfAStoredLotCarriesOneDose() {
        StepContext context = Contexts.step(Stage.SHIPPED_TO_SITE, shipment(List.of("V2V7K3Q9P2XRTB-D01")))
                .allogeneic().at(Stage.STORED).build();
        assertThat(DoseRouting.doseUnit(context.batch(), context.step())).contains("V2V7K3Q9P2XRTB-D01");
    }

    @Test
    void refusesAShipmentOfSeveralDoses() {
        StepContext context = Contexts.step(Stage.SHIPPED_TO_SITE,
                shipment(List.of("V2V7K3Q9P2XRTB-D01", "V2V7K3Q9P2XRTB-D02"))).allogeneic().at(Stage.STORED).build();
        assertThatThrownBy(() -> DoseRouting.doseUnit(context.batch(), context.step()))
                .isInstanceOfSatisfying(StepRefusedException.class,
                        e -> assertThat(e.refusal().field()).contains("data.unitIds"));
    }

    @Test
    void aLotsSideExitWithoutAUnitIsTheLotsAndWithOneTheDoses() {
        StepContext lot = Contexts.step(Stage.QUARANTINED, new StageData.SideExit(StageData.ExitReason.OTHER,
                Optional.empty(), Optional.empty())).allogeneic().at(Stage.STORED).build();
        assertThat(DoseRouting.doseUnit(lot.batch(), lot.step())).isEmpty();
        StepContext dose = Contexts.step(Stage.QUARANTINED, new StageData.SideExit(StageData.ExitReason.OTHER,
                Optional.empty(), Optional.of("V2V7K3Q9P2XRTB-D02"))).allogeneic().at(Stage.STORED).build();
        assertThat(DoseRouting.doseUnit(dose.batch(), dose.step())).contains("V2V7K3Q9P2XRTB-D02");
    }

    @Test
    void refusesARejectionThatNamesAUnit() {
        StepContext context = Contexts.step(Stage.REJECTED, new StageData.SideExit(StageData.ExitReason.OTHER,
                Optional.empty(), Optional.of("V2V7K3Q9P2XRTB-01"))).at(Stage.RECEIVED_AT_MANUFACTURING).build();
        assertThatThrownBy(() -> DoseRouting.doseUnit(context.batch(), context.step()))
                .isInstanceOf(StepRefusedException.class);
    }

    private static StageData.Shipment shipment(List<String> units) {
        return new StageData.Shipment("SITE-LYON-01", "CRYO-COURIER-EU", "DS-1",
                TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C, units, Optional.of(Contexts.NOW), Optional.empty());
    }
}
