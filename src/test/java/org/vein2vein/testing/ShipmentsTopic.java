package org.vein2vein.testing;

/** The shipments topic, the partner stream, read from the beginning. */
public final class ShipmentsTopic extends KafkaTopic {

    public static final String TOPIC = "vein2vein.shipments.v1";

    public ShipmentsTopic() {
        super(TOPIC);
    }
}
