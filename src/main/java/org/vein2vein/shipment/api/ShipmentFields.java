package org.vein2vein.shipment.api;

import org.vein2vein.kernel.Identifiers;

/** The shapes of shipment request fields, stated once for validation and the contract. */
final class ShipmentFields {

    static final String REFERENCE = Identifiers.REFERENCE;
    static final String REFERENCE_MESSAGE = org.vein2vein.batch.api.Patterns.REFERENCE_MESSAGE;
    static final String UNIT_ID = Identifiers.UNIT_ID;
    static final String UNIT_ID_MESSAGE = "must be a unit id: 3 to 32 upper-case letters, digits, '*' or '-'";
    static final String EQUIPMENT_ID = "[A-Z0-9][A-Z0-9-]{2,31}";
    static final String EQUIPMENT_ID_MESSAGE = "must be an equipment id: 3 to 32 upper-case letters, digits or '-'";
    static final String TRACKING_NUMBER = "[A-Za-z0-9][A-Za-z0-9-]{2,63}";
    static final String TRACKING_NUMBER_MESSAGE = "must be 3 to 64 letters, digits or '-'";
    /** A place is a code (a depot's, an airport's), never free text: nobody can type a person's name there. */
    static final String PLACE = "[A-Z0-9][A-Z0-9-]{2,63}";
    static final String PLACE_MESSAGE = "must be a place code: 3 to 64 upper-case letters, digits or '-', e.g. LYS-CARGO-DEPOT";

    private ShipmentFields() {
    }
}
