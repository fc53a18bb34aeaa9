package org.vein2vein.shipment.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a shipment's transition is refused, in a sentence a person can read, with the facts behind it.
 * Nothing of a refused transition is written.
 */
public record ShipmentRefusal(Kind kind, String detail, Map<String, Object> details) {

    public enum Kind {
        OUT_OF_ORDER, NOT_THE_CUSTODIAN, NOT_ADDRESSED_TO_CALLER, UNIT_NOT_SHIPPABLE, NOT_THE_BATCH_DESTINATION,
        RECEIVED_UNITS_DIFFER, ARRIVAL_TEMPERATURE_OUT_OF_RANGE, INVALID
    }

    public ShipmentRefusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static ShipmentRefusal of(Kind kind, String detail) {
        return new ShipmentRefusal(kind, detail, Map.of());
    }

    public ShipmentRefusal with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new ShipmentRefusal(kind, detail, more);
    }
}
