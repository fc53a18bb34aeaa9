package org.vein2vein.shipment.temperature.api;

/** The shape of a shipment id in a path, as table {@code shipment} constrains it. */
final class ShipmentIds {

    static final String PATTERN = org.vein2vein.shipment.application.ShipmentIds.SHAPE;
    static final String MESSAGE = "must be a shipment id: SHP- and 12 digits or capital letters";
    static final String DESCRIPTION = "The shipment's id";

    private ShipmentIds() {
    }
}
