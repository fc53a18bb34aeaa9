package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vein2vein.batch.domain.rules.Custodies.MANUFACTURING;
import static org.vein2vein.batch.domain.rules.Custodies.OTHER_SITE;
import static org.vein2vein.batch.domain.rules.Custodies.SHIPMENT;
import static org.vein2vein.batch.domain.rules.Custodies.at;
import static org.vein2vein.batch.domain.rules.Custodies.bag;
import static org.vein2vein.batch.domain.rules.Custodies.dose;
import static org.vein2vein.batch.domain.rules.Custodies.ended;
import static org.vein2vein.batch.domain.rules.Custodies.onShipment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;

class LotExitByItsHolderTest {

    private static final String LOT_BAG = "V2V7K3Q9P2XRTB-01";
    private static final String DOSE = "V2V7K3Q9P2XRTB-D01";
    private static final String DOSE_2 = "V2V7K3Q9P2XRTB-D02";

    private final LotExitByItsHolder rule = new LotExitByItsHolder();

    @Test
    void refusesACancellationOfALotWhoseDosesAreAtTwoSitesByATechnicianAtOne() {
        Refusal refusal = Contexts.refusalOf(rule.check(lotExit(Stage.CANCELLED, StepChannel.TECHNICIAN)
                .unit(dose(DOSE, at(Contexts.SITE))).unit(dose(DOSE_2, at(OTHER_SITE))).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.BATCH_HELD_ELSEWHERE);
        assertThat(refusal.details()).containsEntry("site", Contexts.SITE)
                .containsEntry("unitIds", List.of(DOSE_2))
                .containsEntry("whereabouts", Map.of(DOSE_2, "at " + OTHER_SITE));
        assertThat(refusal.detail()).contains(Contexts.COI.value()).contains("CANCELLED")
                .contains(DOSE_2 + " is at " + OTHER_SITE);
        assertThat(refusal.kind().recorded()).isFalse();
    }

    @Test
    void acceptsTheSameCancellationByQualityAssurance() {
        assertThat(rule.check(lotExit(Stage.CANCELLED, StepChannel.QUALITY_ASSURANCE)
                .unit(dose(DOSE, at(Contexts.SITE))).unit(dose(DOSE_2, at(OTHER_SITE))).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void acceptsQualityAssuranceHoldingABatchNoneOfWhichIsAtTheStepsSite() {
        assertThat(rule.check(lotExit(Stage.QUARANTINED, StepChannel.QUALITY_ASSURANCE)
                .unit(dose(DOSE, onShipment(SHIPMENT))).unit(dose(DOSE_2, at(OTHER_SITE))).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = { "QUARANTINED", "CANCELLED" })
    void acceptsAnExitAtTheSiteHoldingEverything(Stage exit) {
        assertThat(rule.check(lotExit(exit, StepChannel.TECHNICIAN)
                .unit(dose(DOSE, at(Contexts.SITE))).unit(dose(DOSE_2, at(Contexts.SITE))).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesAHoldByTheOriginWhileTheBatchIsOnAShipment() {
        Refusal refusal = Contexts.refusalOf(rule.check(Contexts.step(Stage.QUARANTINED, exitData(Optional.empty()))
                .at(Stage.SHIPPED_TO_SITE).unit(bag(LOT_BAG, onShipment(SHIPMENT))).build()));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.BATCH_HELD_ELSEWHERE);
        assertThat(refusal.details()).containsEntry("whereabouts", Map.of(LOT_BAG, "on shipment " + SHIPMENT));
    }

    @Test
    void ignoresUnitsThatEnded() {
        assertThat(rule.check(lotExit(Stage.CANCELLED, StepChannel.TECHNICIAN)
                .unit(bag(LOT_BAG, ended(MANUFACTURING, Stage.SPLIT)))
                .unit(dose(DOSE, at(Contexts.SITE))).unit(dose(DOSE_2, ended(OTHER_SITE, Stage.INFUSED))).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void acceptsAnExitOfABatchWithNoUnits() {
        assertThat(rule.check(Contexts.step(Stage.CANCELLED, exitData(Optional.empty())).at(Stage.ORDERED).build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void doesNotJudgeADosesOwnExit() {
        StepContext doseExit = Contexts.step(Stage.CANCELLED, exitData(Optional.of(DOSE))).allogeneic()
                .at(Stage.STORED).dose(DOSE, Stage.STORED, Optional.empty())
                .unit(dose(DOSE, at(OTHER_SITE))).unit(dose(DOSE_2, at(MANUFACTURING))).build();
        assertThat(rule.check(doseExit)).isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void doesNotJudgeStepsThatAreNotSideExits() {
        assertThat(rule.check(Contexts.step(Stage.RELEASED, new StageData.NoData()).at(Stage.QC_TESTED)
                .unit(bag(LOT_BAG, at(OTHER_SITE))).build())).isInstanceOf(Ruling.Accepted.class);
    }

    private static Contexts lotExit(Stage exit, StepChannel channel) {
        return Contexts.step(exit, exitData(Optional.empty())).allogeneic().at(Stage.STORED).channel(channel);
    }

    private static StageData.SideExit exitData(Optional<String> unitId) {
        return new StageData.SideExit(StageData.ExitReason.SPONSOR_DECISION, Optional.of("QR-1"), unitId);
    }
}
