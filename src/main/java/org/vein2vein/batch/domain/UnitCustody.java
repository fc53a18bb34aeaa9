package org.vein2vein.batch.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.vein2vein.kernel.Stage;

/**
 * Where a unit is and who holds it, as its custody events left it: at a site or on a shipment, in
 * the custody of one organisation, until a stage ends its life as a unit (material formulated into
 * bags, a lot's bag split into doses, a unit infused or destroyed).
 *
 * @param site       the site it is at; empty while it is on a shipment (or for a unit whose place
 *                   the record never learnt: units recorded before custody was kept)
 * @param shipmentId the shipment it is on, from packing until receipt
 * @param custodian  the organisation holding it
 * @param endedBy    the stage that ended it; an ended unit is nowhere a step can handle it
 * @param thawedAt   when it was thawed, if it was
 */
public record UnitCustody(Optional<String> site, Optional<String> shipmentId, Optional<String> custodian,
        Optional<Stage> endedBy, Optional<Instant> thawedAt) {

    public UnitCustody {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(custodian, "custodian");
        Objects.requireNonNull(endedBy, "endedBy");
        Objects.requireNonNull(thawedAt, "thawedAt");
        if (site.isPresent() && shipmentId.isPresent()) {
            throw new IllegalArgumentException("a unit is at a site or on a shipment, never both");
        }
    }

    /** A live unit at a site, held by the site's organisation. */
    public static UnitCustody at(String site, String custodian) {
        return new UnitCustody(Optional.of(site), Optional.empty(), Optional.of(custodian), Optional.empty(),
                Optional.empty());
    }

    public boolean isLive() {
        return endedBy.isEmpty();
    }

    /** Whether a step at {@code stepSite} may handle the unit: it is there, and still a unit. */
    public boolean isHandleableAt(String stepSite) {
        return isLive() && site.filter(stepSite::equals).isPresent();
    }

    /** Where the unit is, in words for a problem's detail. */
    public String whereabouts() {
        if (endedBy.isPresent()) {
            return "ended (" + endedBy.get() + ")";
        }
        if (shipmentId.isPresent()) {
            return "on shipment " + shipmentId.get();
        }
        return site.map(at -> "at " + at).orElse("at no site the record knows");
    }
}
