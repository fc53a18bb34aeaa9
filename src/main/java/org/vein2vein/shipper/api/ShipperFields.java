package org.vein2vein.shipper.api;

import org.vein2vein.shipper.domain.Shipper;

/** The shapes of a shipper's fields as clients send them, with the messages that explain them. */
final class ShipperFields {

    static final String ID = Shipper.ID;
    static final String ID_MESSAGE = "must be a shipper id: 3 to 32 upper-case letters, digits or '-', "
            + "beginning with a letter or digit";
    /** Days, hours and minutes only: what qualification reports state, and what Duration.parse reads exactly. */
    static final String HOLD_TIME = "P(?:[0-9]{1,2}D)?(?:T(?:[0-9]{1,4}H)?(?:[0-9]{1,5}M)?)?";
    static final String HOLD_TIME_MESSAGE = "must be an ISO-8601 duration in days, hours and minutes from PT1H to "
            + "P60D, e.g. P10D or PT20H";
    static final String HOLD_TIME_DESCRIPTION = "How long the shipper is validated to keep its temperature class "
            + "from closing: an ISO-8601 duration in days, hours and minutes, from PT1H to P60D";
    static final String QUALIFIED_UNTIL_DESCRIPTION = "When the shipper's qualification ends (ISO-8601 with offset), "
            + "between 2000-01-01T00:00:00Z and 2100-01-01T00:00:00Z; kept to the microsecond";

    private ShipperFields() {
    }
}
