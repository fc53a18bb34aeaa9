package org.vein2vein.shipment.application;

import java.util.regex.Pattern;

/** The shape of the ids the service gives shipments: SHP- and twelve Crockford base-32 characters. */
public final class ShipmentIds {

    public static final String SHAPE = "SHP-[0-9A-Z]{12}";
    private static final Pattern PATTERN = Pattern.compile(SHAPE);

    private ShipmentIds() {
    }

    /** Whether the text can be a shipment's id: anything else is answered as not found, without a lookup. */
    public static boolean isShaped(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
