package org.vein2vein.shipment.domain;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** The destination receives exactly the units that were packed: a missing or extra unit stops the receipt. */
public final class ReceivedUnitsEqualPacked {

    private ReceivedUnitsEqualPacked() {
    }

    /** @throws ShipmentRefusedException when the sets differ, naming what is missing and what is extra */
    public static void require(Shipment shipment, Collection<String> received) {
        Set<String> packed = shipment.unitIds();
        Set<String> receivedSet = new TreeSet<>(received);
        if (packed.equals(receivedSet) && received.size() == receivedSet.size()) {
            return;
        }
        Set<String> missing = new TreeSet<>(packed);
        missing.removeAll(receivedSet);
        Set<String> extra = new TreeSet<>(receivedSet);
        extra.removeAll(packed);
        throw new ShipmentRefusedException(ShipmentRefusal.of(ShipmentRefusal.Kind.RECEIVED_UNITS_DIFFER,
                "The units received are not the units packed on shipment " + shipment.id() + ": nothing is "
                        + "received until they are, or the difference is investigated.")
                .with("missing", java.util.List.copyOf(missing)).with("unexpected", java.util.List.copyOf(extra))
                .with("listedTwice", received.size() != receivedSet.size()));
    }
}
