package org.vein2vein.shipment.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.vein2vein.batch.application.SiteNotPermittedException;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.shipment.domain.Handover;
import org.vein2vein.shipment.domain.Shipment;
import org.vein2vein.shipment.persistence.ShipmentRepository;

/**
 * Who may see and act on a shipment. QA sees every one; a technician those leaving from or going to
 * one of their sites, acting only at their own; a logistics user those of its organisation — the
 * shipment's courier, or a party a handover was addressed to. Any other shipment is answered as not
 * found, exactly like a missing one.
 */
@ApplicationScoped
public class ShipmentAccess {

    public boolean maySee(Caller caller, Shipment shipment) {
        if (caller.hasRole(Roles.QA)) {
            return true;
        }
        if (caller.hasRole(Roles.TECHNICIAN)
                && (caller.worksAt(shipment.originSite()) || caller.worksAt(shipment.destinationSite()))) {
            return true;
        }
        return caller.hasRole(Roles.LOGISTICS) && isPartyTo(caller.organisation(), shipment);
    }

    /** The filter a page of shipments is read with: none for QA. */
    Optional<ShipmentRepository.Visibility> visibilityOf(Caller caller) {
        if (caller.hasRole(Roles.QA)) {
            return Optional.empty();
        }
        return Optional.of(new ShipmentRepository.Visibility(caller.hasRole(Roles.TECHNICIAN) ? caller.sites()
                : java.util.Set.of(), caller.hasRole(Roles.LOGISTICS) ? Optional.of(caller.organisation())
                        : Optional.empty()));
    }

    /** @throws SiteNotPermittedException when the caller is not a technician of the site */
    void requireTechnicianAt(Caller caller, String site) {
        if (!caller.hasRole(Roles.TECHNICIAN) || !caller.worksAt(site)) {
            throw new SiteNotPermittedException(site);
        }
    }

    /** @throws ShipmentActionNotPermittedException when the caller is not a logistics user */
    void requireLogistics(Caller caller) {
        if (!caller.hasRole(Roles.LOGISTICS)) {
            throw new ShipmentActionNotPermittedException("Only the logistics partner holding the shipment, or the "
                    + "one a handover is addressed to, acts on it now.");
        }
    }

    private static boolean isPartyTo(String organisation, Shipment shipment) {
        return shipment.courier().equals(organisation) || shipment.handovers().stream()
                .map(Handover::to).anyMatch(party -> party.organisation().equals(organisation));
    }
}
