package org.vein2vein.shipment.domain;

/** A shipment rule refused a transition: the application answers with the refusal's problem. */
public class ShipmentRefusedException extends RuntimeException {

    private final transient ShipmentRefusal refusal;

    public ShipmentRefusedException(ShipmentRefusal refusal) {
        super(refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    public ShipmentRefusal refusal() {
        return refusal;
    }
}
