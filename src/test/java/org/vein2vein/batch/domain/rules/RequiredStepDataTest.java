package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.IdentityScan;
import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.TemperatureClass;

class RequiredStepDataTest {

    private final RequiredStepData rule = new RequiredStepData();

    @Test
    void acceptsAShipmentToTheSiteThatListsItsUnitsAndWhenTheyLeftStorage() {
        assertThat(rule.check(shipment(List.of("V2V7K3Q9P2XRTB-01"), Optional.of(Contexts.NOW.minusSeconds(600)))))
                .isInstanceOf(Ruling.Accepted.class);
    }

    @Test
    void refusesAShipmentToTheSiteWithoutUnits() {
        assertThat(Contexts.refusalOf(rule.check(shipment(List.of(), Optional.of(Contexts.NOW)))).field())
                .contains("data.unitIds");
    }

    @Test
    void refusesAShipmentToTheSiteThatDoesNotSayWhenTheUnitsLeftStorage() {
        assertThat(Contexts.refusalOf(rule.check(shipment(List.of("V2V7K3Q9P2XRTB-01"), Optional.empty()))).field())
                .contains("data.outOfStorageSince");
    }

    @Test
    void refusesUnitsLeavingStorageAfterTheyShipped() {
        Refusal refusal = Contexts.refusalOf(rule.check(shipment(List.of("V2V7K3Q9P2XRTB-01"),
                Optional.of(Contexts.NOW.plusSeconds(1)))));
        assertThat(refusal.detail()).isEqualTo("must not be after occurredAt");
    }

    @Test
    void refusesAReceiptAtTheSiteThatListsNothing() {
        StepContext context = Contexts.step(Stage.RECEIVED_AT_SITE, new StageData.Receipt(
                Contexts.scan(Contexts.COI.value(), null, "op-2"), StageData.Condition.INTACT, Optional.empty(),
                List.of(), Optional.empty())).at(Stage.SHIPPED_TO_SITE).build();
        assertThat(Contexts.refusalOf(rule.check(context)).field()).contains("data.unitIds");
    }

    @Test
    void refusesABedsideCheckOfAnAutologousBatchThatScannedNoPatient() {
        StepContext context = Contexts.step(Stage.INFUSED, new StageData.Infusion("V2V7K3Q9P2XRTB-01",
                Contexts.scan(Contexts.COI.value(), "V2V7K3Q9P2XRTB-01", "op-2"))).at(Stage.THAWED).build();
        assertThat(Contexts.refusalOf(rule.check(context)).field()).contains("data.identityCheck.patientReference");
    }

    @Test
    void acceptsABedsideCheckThatScannedThePatient() {
        IdentityScan scan = new IdentityScan(Contexts.COI.value(), Optional.of("V2V7K3Q9P2XRTB-01"),
                Optional.of("PSN-0001"), Optional.empty(), Optional.of("op-2"));
        assertThat(rule.check(Contexts.step(Stage.INFUSED, new StageData.Infusion("V2V7K3Q9P2XRTB-01", scan))
                .at(Stage.THAWED).build())).isInstanceOf(Ruling.Accepted.class);
    }

    private static StepContext shipment(List<String> units, Optional<Instant> outOfStorageSince) {
        return Contexts.step(Stage.SHIPPED_TO_SITE, new StageData.Shipment("SITE-LYON-01", "CRYO-COURIER-EU", "DS-1",
                TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C, units, outOfStorageSince, Optional.empty())).at(Stage.STORED).build();
    }
}
