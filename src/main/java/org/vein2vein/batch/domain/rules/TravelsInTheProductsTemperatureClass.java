package org.vein2vein.batch.domain.rules;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.Phase;
import org.vein2vein.product.domain.TemperatureClass;

/**
 * A shipment travels in the temperature class the product keeps in that phase: fresh starting
 * material as the product says (frozen, if it was cryopreserved at collection), the final product
 * as its transport class says.
 */
public final class TravelsInTheProductsTemperatureClass implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        if (!(context.step().data() instanceof StageData.Shipment shipment)
                || context.rules().temperatureClasses().isEmpty()) {
            return Ruling.accept();
        }
        Stage leaving = context.batch().resumeStage().orElse(context.batch().stage());
        TemperatureClass required;
        if (context.step().stage() == Stage.SHIPPED_TO_SITE) {
            required = context.rules().temperatureClasses().get(Phase.FINAL_PRODUCT_TRANSPORT);
        } else if (leaving == Stage.CRYOPRESERVED_AT_COLLECTION) {
            required = TemperatureClass.CRYO_AT_OR_BELOW_MINUS_150_C;
        } else {
            required = context.rules().temperatureClasses().get(Phase.STARTING_MATERIAL);
        }
        if (shipment.temperatureClass() == required) {
            return Ruling.accept();
        }
        return Ruling.refuse(Refusal.of(RefusalKind.TEMPERATURE_CLASS_MISMATCH, "The product travels " + required
                + " at " + context.step().stage() + ", not " + shipment.temperatureClass() + ".")
                .with("declared", shipment.temperatureClass()).with("required", required));
    }
}
