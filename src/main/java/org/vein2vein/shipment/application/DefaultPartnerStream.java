package org.vein2vein.shipment.application;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;

/** TEMPORARY until the partner stream lands from its branch: logs instead of publishing. Deleted at merge. */
@DefaultBean
@ApplicationScoped
public class DefaultPartnerStream implements PartnerStream {

    @Override
    public void publish(ShipmentEventMessage event) {
        Log.debugf("Shipment %s: %s", event.shipmentId(), event.type());
    }
}
