package org.vein2vein.shipment.temperature.domain;

import java.util.ArrayList;
import java.util.List;

/** A reading's time is kept to the microsecond: a finer one is refused, not rounded into another reading's time. */
public final class MicrosecondTimes implements ReadingRule {

    public static final String RULE = "must be given to the microsecond at most";

    @Override
    public List<ReadingViolation> check(List<Reading> readings) {
        List<ReadingViolation> violations = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            if (readings.get(i).at().getNano() % 1_000 != 0) {
                violations.add(new ReadingViolation(i, "at", RULE));
            }
        }
        return violations;
    }
}
