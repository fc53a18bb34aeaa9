package org.vein2vein.shipment.temperature.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A temperature is one a logger in a shipper can read: from absolute zero (−273.15 °C) to 100.00 °C, to
 * the hundredth of a degree at most. More digits are refused, not rounded: what is stored is what was sent.
 */
public final class PlausibleCelsius implements ReadingRule {

    public static final BigDecimal LOWEST = new BigDecimal("-273.15");
    public static final BigDecimal HIGHEST = new BigDecimal("100.00");
    public static final int DECIMALS = 2;
    public static final String RULE = "must be a temperature from " + LOWEST + " to " + HIGHEST + " °C with at most "
            + DECIMALS + " decimals";

    @Override
    public List<ReadingViolation> check(List<Reading> readings) {
        List<ReadingViolation> violations = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            if (!plausible(readings.get(i).celsius())) {
                violations.add(new ReadingViolation(i, "celsius", RULE));
            }
        }
        return violations;
    }

    static boolean plausible(BigDecimal celsius) {
        // The range first: the scale of 1e-999999999 is only worth looking at once it is known to be small.
        return celsius.compareTo(LOWEST) >= 0 && celsius.compareTo(HIGHEST) <= 0
                && (celsius.scale() <= DECIMALS || celsius.stripTrailingZeros().scale() <= DECIMALS);
    }
}
