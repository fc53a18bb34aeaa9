package org.vein2vein.shipment.domain;

import org.vein2vein.kernel.Stage;

/** Which part of the journey a shipment is: it decides the batch stages its packing and receipt record. */
public enum Leg {
    /** Collected material to the manufacturing site. */
    TO_MANUFACTURING(Stage.SHIPPED_TO_MANUFACTURING, Stage.RECEIVED_AT_MANUFACTURING),
    /** Released product (bags, doses) to a treatment site. */
    TO_TREATMENT_SITE(Stage.SHIPPED_TO_SITE, Stage.RECEIVED_AT_SITE);

    private final Stage shipped;
    private final Stage received;

    Leg(Stage shipped, Stage received) {
        this.shipped = shipped;
        this.received = received;
    }

    /** The stage packing records for each batch on board. */
    public Stage shippedStage() {
        return shipped;
    }

    /** The stage receipt records for each batch on board. */
    public Stage receivedStage() {
        return received;
    }
}
