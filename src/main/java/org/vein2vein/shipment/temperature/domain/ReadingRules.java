package org.vein2vein.shipment.temperature.domain;

import java.util.Comparator;
import java.util.List;

/** The rules of an upload's readings, all of them checked so that one answer lists every broken one. */
public final class ReadingRules {

    public static final List<ReadingRule> ALL = List.of(new MicrosecondTimes(), new ReadingsInTimeOrder(),
            new PlausibleCelsius());

    private ReadingRules() {
    }

    /** Every rule the readings break, in the order of the readings. */
    public static List<ReadingViolation> check(List<Reading> readings) {
        return ALL.stream().flatMap(rule -> rule.check(readings).stream())
                .sorted(Comparator.comparingInt(ReadingViolation::index).thenComparing(ReadingViolation::member))
                .toList();
    }
}
