package org.vein2vein.batch.api.stagedata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vein2vein.platform.problem.Problem;

/** Unit lists name each unit once. */
final class DistinctUnits {

    private DistinctUnits() {
    }

    static List<Problem.Violation> duplicates(String field, List<UnitData> units) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (units == null) {
            return violations;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            UnitData unit = units.get(i);
            if (unit != null && unit.unitId() != null && !seen.add(unit.unitId())) {
                violations.add(new Problem.Violation(field + "[" + i + "].unitId", "names a unit listed before"));
            }
        }
        return violations;
    }
}
