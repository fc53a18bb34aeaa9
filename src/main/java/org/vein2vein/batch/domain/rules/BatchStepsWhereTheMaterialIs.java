package org.vein2vein.batch.domain.rules;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.kernel.Stage;

/**
 * A step on the batch as a whole that names no unit (acceptance, gene modification, expansion,
 * formulation, split, QC, release, a failure) happens only at the site that holds all of the
 * batch's material: nobody modifies cells at a site they have left. Side exits of the whole batch
 * follow {@link LotExitByItsHolder}; a batch with no units yet (nothing collected) is anywhere its
 * sites are.
 */
public final class BatchStepsWhereTheMaterialIs implements SafetyRule {

    /** Steps that bring the material into being, or take a decision that is not handling. */
    private static final Set<Stage> NOT_HANDLING_THE_MATERIAL = EnumSet.of(Stage.ORDERED, Stage.COLLECTED);

    @Override
    public Ruling check(StepContext context) {
        Stage stage = context.step().stage();
        if (context.isDoseStep() || stage.isSideExit() || NOT_HANDLING_THE_MATERIAL.contains(stage)
                || HandledUnitsAtTheStepSite.handledUnits(context).findAny().isPresent()) {
            return Ruling.accept();
        }
        Map<String, String> elsewhere = elsewhere(context.units(), context.step().site());
        if (elsewhere.isEmpty()) {
            return Ruling.accept();
        }
        return Ruling.refuse(Refusal.of(RefusalKind.MATERIAL_NOT_AT_SITE, "Batch " + context.batch().coi() + " is "
                + "not all at " + context.step().site() + ", so " + stage + " may not be logged there: "
                + describe(elsewhere) + ".")
                .with("site", context.step().site()).with("unitIds", List.copyOf(elsewhere.keySet()))
                .with("whereabouts", elsewhere));
    }

    /** The batch's live units that are not at {@code site}, with where each is. */
    static Map<String, String> elsewhere(List<BatchUnit> units, String site) {
        Map<String, String> elsewhere = new LinkedHashMap<>();
        units.stream().filter(unit -> unit.custody().isLive())
                .filter(unit -> !unit.custody().isHandleableAt(site))
                .forEach(unit -> elsewhere.put(unit.unitId(), unit.custody().whereabouts()));
        return elsewhere;
    }

    static String describe(Map<String, String> elsewhere) {
        return String.join(", ", elsewhere.entrySet().stream().limit(10)
                .map(entry -> entry.getKey() + " is " + entry.getValue()).toList())
                + (elsewhere.size() > 10 ? " and " + (elsewhere.size() - 10) + " more" : "");
    }
}
