package org.vein2vein.shipment.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.vein2vein.batch.domain.BatchUnit;

/**
 * What a shipment may carry: units the record knows, live and at the origin (not already on a
 * shipment); collected material to manufacturing, bags and doses to a treatment site; and to a
 * treatment site only units bound for it — an autologous batch's bags to its patient's site, an
 * allocated dose to its recipient's.
 */
public final class UnitsShippable {

    private UnitsShippable() {
    }

    /** @throws ShipmentRefusedException naming the units at fault and why */
    public static void require(Collection<String> requested, List<CandidateUnit> found, String originSite,
            String destinationSite, Leg leg) {
        Set<String> known = new TreeSet<>();
        found.forEach(unit -> known.add(unit.unitId()));
        Set<String> unknown = new TreeSet<>(requested);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new ShipmentRefusedException(ShipmentRefusal.of(ShipmentRefusal.Kind.UNIT_NOT_SHIPPABLE,
                    "No batch has unit " + String.join(", ", unknown) + ".").with("unknownUnitIds", List.copyOf(unknown)));
        }
        Map<String, String> notShippable = new TreeMap<>();
        for (CandidateUnit unit : found) {
            if (!unit.custody().isHandleableAt(originSite)) {
                notShippable.put(unit.unitId(), "is " + unit.custody().whereabouts() + ", not at " + originSite);
            } else if (leg == Leg.TO_MANUFACTURING && unit.kind() != BatchUnit.Kind.MATERIAL) {
                notShippable.put(unit.unitId(), "is a " + unit.kind() + ": only collected material goes to manufacturing");
            } else if (leg == Leg.TO_TREATMENT_SITE && unit.kind() == BatchUnit.Kind.MATERIAL) {
                notShippable.put(unit.unitId(), "is collected material: it goes to manufacturing, not to a treatment site");
            }
        }
        if (!notShippable.isEmpty()) {
            throw new ShipmentRefusedException(ShipmentRefusal.of(ShipmentRefusal.Kind.UNIT_NOT_SHIPPABLE,
                    describe("may not travel on this shipment", notShippable)).with("units", notShippable));
        }
        if (leg == Leg.TO_TREATMENT_SITE) {
            Map<String, String> elsewhere = new TreeMap<>();
            for (CandidateUnit unit : found) {
                if (!unit.boundFor().filter(destinationSite::equals).isPresent()) {
                    elsewhere.put(unit.unitId(), unit.boundFor().map(site -> "is bound for " + site)
                            .orElse(unit.kind() == BatchUnit.Kind.DOSE ? "is not allocated to a recipient's site yet"
                                    : "is bound for no treatment site"));
                }
            }
            if (!elsewhere.isEmpty()) {
                throw new ShipmentRefusedException(ShipmentRefusal.of(ShipmentRefusal.Kind.NOT_THE_BATCH_DESTINATION,
                        describe("is not bound for " + destinationSite, elsewhere)).with("units", elsewhere));
            }
        }
    }

    private static String describe(String what, Map<String, String> units) {
        return "Unit " + String.join("; ", units.entrySet().stream().limit(10)
                .map(entry -> entry.getKey() + " " + entry.getValue()).toList())
                + (units.size() > 10 ? "; and " + (units.size() - 10) + " more" : "") + " (" + what + ").";
    }
}
