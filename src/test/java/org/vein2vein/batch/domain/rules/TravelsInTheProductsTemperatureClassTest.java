package org.vein2vein.batch.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.TemperatureClass;

class TravelsInTheProductsTemperatureClassTest {

    private final TravelsInTheProductsTemperatureClass rule = new TravelsInTheProductsTemperatureClass();

    @Test
    void freshStartingMaterialTravelsRefrigerated() {
        assertThat(rule.check(toManufacturing(TemperatureClass.FRESH_2_TO_8_C, Stage.COLLECTED)))
                .isInstanceOf(Ruling.Accepted.class);
        Refusal refusal = Contexts.refusalOf(rule.check(toManufacturing(TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C,
                Stage.COLLECTED)));
        assertThat(refusal.kind()).isEqualTo(RefusalKind.TEMPERATURE_CLASS_MISMATCH);
        assertThat(refusal.details()).containsEntry("required", TemperatureClass.FRESH_2_TO_8_C);
    }

    @Test
    void materialCryopreservedAtCollectionTravelsFrozen() {
        assertThat(rule.check(toManufacturing(TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C,
                Stage.CRYOPRESERVED_AT_COLLECTION))).isInstanceOf(Ruling.Accepted.class);
        assertThat(rule.check(toManufacturing(TemperatureClass.FRESH_2_TO_8_C, Stage.CRYOPRESERVED_AT_COLLECTION)))
                .isInstanceOf(Ruling.Refused.class);
    }

    @Test
    void theFinalProductTravelsInItsTransportClass() {
        StepContext context = Contexts.step(Stage.SHIPPED_TO_SITE, shipment(TemperatureClass.FRESH_2_TO_8_C))
                .at(Stage.STORED).build();
        assertThat(Contexts.refusalOf(rule.check(context)).details())
                .containsEntry("required", TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C);
    }

    @Test
    void aBatchFromBeforeProductsIsNotChecked() {
        assertThat(rule.check(Contexts.step(Stage.SHIPPED_TO_MANUFACTURING,
                shipment(TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C)).at(Stage.COLLECTED).withoutProduct().build()))
                .isInstanceOf(Ruling.Accepted.class);
    }

    private static StepContext toManufacturing(TemperatureClass declared, Stage from) {
        return Contexts.step(Stage.SHIPPED_TO_MANUFACTURING, shipment(declared)).at(from).build();
    }

    private static StageData.Shipment shipment(TemperatureClass declared) {
        return new StageData.Shipment("MFG-GENT-01", "CRYO-COURIER-EU", "DS-1", declared, List.of(), Optional.empty(), Optional.empty());
    }
}
