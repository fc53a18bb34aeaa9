package org.vein2vein.batch.domain.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.vein2vein.kernel.Stage;

/**
 * A step that handles units happens where those units are: a bag or dose is frozen, stored, thawed,
 * infused, packed or taken off its path only at the site it is at, and only while it is still a unit
 * (not on a shipment, not infused or destroyed). Allocating a dose handles nothing: it is a decision;
 * a shipment's receipt brings its units to the site.
 */
public final class HandledUnitsAtTheStepSite implements SafetyRule {

    @Override
    public Ruling check(StepContext context) {
        Stage stage = context.step().stage();
        boolean arriving = (stage == Stage.RECEIVED_AT_MANUFACTURING || stage == Stage.RECEIVED_AT_SITE)
                && context.channel() == StepChannel.SHIPMENT;
        if (stage == Stage.ALLOCATED || arriving) {
            return Ruling.accept();
        }
        String site = context.step().site();
        Map<String, String> elsewhere = new LinkedHashMap<>();
        handledUnits(context).map(context::unit).flatMap(Optional::stream)
                .filter(unit -> !unit.custody().isHandleableAt(site))
                .forEach(unit -> elsewhere.put(unit.unitId(), unit.custody().whereabouts()));
        if (elsewhere.isEmpty()) {
            return Ruling.accept();
        }
        List<String> units = List.copyOf(elsewhere.keySet());
        return Ruling.refuse(Refusal.of(RefusalKind.UNIT_NOT_AT_SITE, "A step at " + site + " may handle only units "
                + "that are there: " + String.join(", ", units.stream().map(unit -> unit + " is "
                        + elsewhere.get(unit)).toList()) + ".")
                .with("site", site).with("unitIds", units).with("whereabouts", elsewhere));
    }

    /** The units the step names, and for a dose's own step, the dose. */
    static Stream<String> handledUnits(StepContext context) {
        return Stream.concat(Stream.concat(context.step().data().handledUnits().stream(),
                context.step().data().handledUnit().stream()), context.doseUnit().stream()).distinct();
    }
}
