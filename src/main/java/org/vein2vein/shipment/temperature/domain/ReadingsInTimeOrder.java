package org.vein2vein.shipment.temperature.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * An upload is one logger's readings, each later than the one before: a logger reads one value at a
 * time, so two readings at one moment, or readings out of order, are a mistake of the sender.
 */
public final class ReadingsInTimeOrder implements ReadingRule {

    public static final String RULE = "must be later than the reading before it";

    @Override
    public List<ReadingViolation> check(List<Reading> readings) {
        List<ReadingViolation> violations = new ArrayList<>();
        for (int i = 1; i < readings.size(); i++) {
            if (!readings.get(i).at().isAfter(readings.get(i - 1).at())) {
                violations.add(new ReadingViolation(i, "at", RULE));
            }
        }
        return violations;
    }
}
