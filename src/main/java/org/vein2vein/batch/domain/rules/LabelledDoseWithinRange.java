package org.vein2vein.batch.domain.rules;

import java.util.List;

import org.vein2vein.batch.domain.StageData;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Stage;
import org.vein2vein.product.domain.DoseRange;

/**
 * A unit a patient receives is labelled with a dose the product allows: an autologous batch's
 * formulated bags, an allogeneic lot's split doses (its formulated bag is the whole lot). A label
 * at ten times the maximum would otherwise be formulated and released, the release gate reading
 * only the QC result.
 */
public final class LabelledDoseWithinRange implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        Stage labelling = context.batch().type() == BatchType.AUTOLOGOUS ? Stage.FORMULATED : Stage.SPLIT;
        if (context.step().stage() != labelling || context.rules().release().isEmpty()) {
            return Ruling.accept();
        }
        DoseRange range = context.rules().release().get().dose();
        List<StageData.LabelledUnit> units = context.step().data().newUnits();
        for (int i = 0; i < units.size(); i++) {
            StageData.LabelledUnit unit = units.get(i);
            if (unit.carPositiveViableCells() < range.min() || unit.carPositiveViableCells() > range.max()) {
                String list = labelling == Stage.FORMULATED ? "units" : "doses";
                return Ruling.refuse(Refusal.of(RefusalKind.LABELLED_DOSE_OUT_OF_RANGE, "Unit " + unit.unitId()
                        + " is labelled with " + unit.carPositiveViableCells() + " CAR+ viable cells; the product's "
                        + "dose is " + range.min() + " to " + range.max() + " cells.")
                        .with("field", "data." + list + "[" + i + "].carPositiveViableCells")
                        .with("unitId", unit.unitId())
                        .with("labelledCells", unit.carPositiveViableCells())
                        .with("doseRange", range.min() + " to " + range.max() + " cells"));
            }
        }
        return Ruling.accept();
    }
}
