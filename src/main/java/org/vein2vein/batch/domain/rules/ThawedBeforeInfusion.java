package org.vein2vein.batch.domain.rules;

import java.util.Optional;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.kernel.Stage;

/**
 * A unit is infused only after it was thawed, and thawed only once: of two bags, the one thawed is
 * the one given. Whether it is there, and still a unit, is {@link HandledUnitsAtTheStepSite}'s.
 */
public final class ThawedBeforeInfusion implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        Stage stage = context.step().stage();
        if (stage != Stage.INFUSED && stage != Stage.THAWED) {
            return Ruling.accept();
        }
        Optional<BatchUnit> unit = context.step().data().handledUnit().flatMap(context::unit);
        if (unit.isEmpty()) {
            return Ruling.accept();
        }
        boolean thawed = unit.get().custody().thawedAt().isPresent();
        if (stage == Stage.INFUSED && !thawed) {
            return Ruling.refuse(Refusal.of(RefusalKind.UNIT_NOT_THAWED, "Unit " + unit.get().unitId()
                    + " was never thawed: only a thawed unit is infused.").with("unitId", unit.get().unitId()));
        }
        // A batch or dose held at THAWED resumes by logging THAWED again, with a fresh check: no second thaw.
        if (stage == Stage.THAWED && thawed && !RecordedByShipments.isResumption(context)) {
            return Ruling.refuse(Refusal.of(RefusalKind.UNIT_ALREADY_THAWED, "Unit " + unit.get().unitId()
                    + " was thawed at " + unit.get().custody().thawedAt().get() + "; a unit is thawed once.")
                    .with("unitId", unit.get().unitId()).with("thawedAt", unit.get().custody().thawedAt().get()));
        }
        return Ruling.accept();
    }
}
