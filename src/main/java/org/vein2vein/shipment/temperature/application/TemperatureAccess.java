package org.vein2vein.shipment.temperature.application;

import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.shipment.temperature.domain.MonitoredShipment;

/**
 * Who may upload and read a shipment's temperature readings: its parties, and QA to read. Anyone else is
 * answered as if the shipment did not exist, so that no one learns which shipments others have.
 */
public final class TemperatureAccess {

    private TemperatureAccess() {
    }

    /** The courier's logistics users, and technicians of the origin or the destination. */
    public static boolean mayUpload(Caller caller, MonitoredShipment shipment) {
        return caller.hasRole(Roles.LOGISTICS) && caller.organisation().equals(shipment.courier())
                || caller.hasRole(Roles.TECHNICIAN)
                        && (caller.worksAt(shipment.originSite()) || caller.worksAt(shipment.destinationSite()));
    }

    /** Those who may upload, and QA, who reads everything. */
    public static boolean mayRead(Caller caller, MonitoredShipment shipment) {
        return caller.hasRole(Roles.QA) || mayUpload(caller, shipment);
    }
}
