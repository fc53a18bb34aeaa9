package org.vein2vein.shipper.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vein2vein.product.domain.TemperatureClass;

/**
 * Safety rule: a shipment is packed only into a shipper that is in service, qualified until the
 * shipment's planned arrival, made for the shipment's temperature class, and validated to hold that
 * class for the planned transit plus a margin for delays.
 */
public final class ShipperFitness {

    private final Duration holdTimeMargin;

    /**
     * @param holdTimeMargin how much longer than the planned transit a shipper must hold its class:
     *                       transport runs late
     * @throws IllegalArgumentException when the margin is negative: it would ask for less hold time
     *                                  than the transit itself
     */
    public ShipperFitness(Duration holdTimeMargin) {
        if (Objects.requireNonNull(holdTimeMargin, "holdTimeMargin").isNegative()) {
            throw new IllegalArgumentException("the hold-time margin must be zero or longer, not "
                    + DaysAndTime.format(holdTimeMargin));
        }
        this.holdTimeMargin = holdTimeMargin;
    }

    public Duration holdTimeMargin() {
        return holdTimeMargin;
    }

    /**
     * Every reason {@code shipper} may not carry a shipment of {@code temperatureClass} packed at
     * {@code packedAt} and planned to arrive at {@code plannedArrivalAt}, in the order above; empty
     * when it may. A qualification that ends exactly at the planned arrival, or a hold time exactly
     * the transit plus the margin, is enough.
     *
     * @throws IllegalArgumentException when the planned arrival is before the packing: such a plan
     *                                  has no transit to judge a hold time by
     */
    public List<Unfitness> assess(Shipper shipper, TemperatureClass temperatureClass, Instant packedAt,
            Instant plannedArrivalAt) {
        Objects.requireNonNull(temperatureClass, "temperatureClass");
        if (plannedArrivalAt.isBefore(packedAt)) {
            throw new IllegalArgumentException("a shipment's planned arrival (" + plannedArrivalAt
                    + ") is before its packing (" + packedAt + ")");
        }
        String id = shipper.id();
        List<Unfitness> reasons = new ArrayList<>();
        if (!shipper.active()) {
            reasons.add(new Unfitness(Unfitness.Reason.INACTIVE, "Shipper " + id + " is out of service (inactive).",
                    Map.of()));
        }
        if (shipper.qualifiedUntil().isBefore(plannedArrivalAt)) {
            reasons.add(new Unfitness(Unfitness.Reason.QUALIFICATION_EXPIRED, "Shipper " + id
                    + " is qualified until " + shipper.qualifiedUntil() + ", before the shipment's planned arrival at "
                    + plannedArrivalAt + ".", figures("qualifiedUntil", shipper.qualifiedUntil().toString(),
                            "plannedArrivalAt", plannedArrivalAt.toString())));
        }
        if (!shipper.type().fits(temperatureClass)) {
            reasons.add(new Unfitness(Unfitness.Reason.TYPE_DOES_NOT_FIT_CLASS, "Shipper " + id + " is a "
                    + shipper.type() + ", which does not keep " + temperatureClass + ".",
                    figures("shipperType", shipper.type().name(), "temperatureClass", temperatureClass.name())));
        }
        Duration transit = Duration.between(packedAt, plannedArrivalAt);
        Duration required = transit.plus(holdTimeMargin);
        if (shipper.validatedHoldTime().compareTo(required) < 0) {
            reasons.add(new Unfitness(Unfitness.Reason.HOLD_TIME_TOO_SHORT, "Shipper " + id + " is validated to hold "
                    + DaysAndTime.format(shipper.validatedHoldTime()) + "; the planned transit of "
                    + DaysAndTime.format(transit) + " plus the margin of " + DaysAndTime.format(holdTimeMargin)
                    + " needs " + DaysAndTime.format(required) + ".",
                    figures("requiredHoldTime", DaysAndTime.format(required),
                            "validatedHoldTime", DaysAndTime.format(shipper.validatedHoldTime()),
                            "plannedTransit", DaysAndTime.format(transit),
                            "holdTimeMargin", DaysAndTime.format(holdTimeMargin))));
        }
        return List.copyOf(reasons);
    }

    private static Map<String, String> figures(String... namesAndValues) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return figures;
    }
}
