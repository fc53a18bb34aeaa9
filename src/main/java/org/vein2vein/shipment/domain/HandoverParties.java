package org.vein2vein.shipment.domain;

import java.util.Optional;

/**
 * Who may hand a shipment over to whom. Only the party holding it releases it, and only when no
 * earlier handover still waits for its acceptance; the origin releases it to the shipment's courier
 * only; a courier releases it to another logistics organisation along the way (a leg, a depot,
 * customs) or to the destination site, which is its delivery. The receiving side accepts a
 * handover addressed to its organisation; the destination accepts by receiving the shipment.
 */
public final class HandoverParties {

    private HandoverParties() {
    }

    /**
     * The party a release goes to.
     *
     * @param releasingOrganisation the caller's organisation
     * @param toOrganisation        for a release to a logistics organisation, which
     * @param toDestination         whether the release delivers the shipment to its destination
     * @param destinationOrganisation the organisation running the destination site
     * @throws ShipmentRefusedException when the caller may not release it, or not to that party
     */
    public static Party releaseTo(Shipment shipment, String releasingOrganisation, Optional<String> toOrganisation,
            boolean toDestination, String destinationOrganisation) {
        ShipmentTransitions.require(shipment, ShipmentTransitions.Action.RELEASE);
        if (shipment.pendingHandover().isPresent()) {
            Handover pending = shipment.pendingHandover().get();
            throw refuse(ShipmentRefusal.Kind.OUT_OF_ORDER, "Handover " + pending.number() + " to " + pending.to()
                    + " waits for its acceptance; the shipment is handed over again once it is accepted.")
                    .withPending(pending.number());
        }
        if (!shipment.custodian().equals(releasingOrganisation)) {
            throw refuse(ShipmentRefusal.Kind.NOT_THE_CUSTODIAN, "Shipment " + shipment.id() + " is held by "
                    + shipment.custodian() + ": only the party holding it hands it over.").plain();
        }
        if (shipment.status() == ShipmentStatus.PACKED) {
            if (toDestination || !toOrganisation.equals(Optional.of(shipment.courier()))) {
                throw refuse(ShipmentRefusal.Kind.INVALID, "The origin hands the shipment to its courier, "
                        + shipment.courier() + ", first.").plain();
            }
            return Party.partner(shipment.courier());
        }
        if (toDestination) {
            return Party.atSite(destinationOrganisation, shipment.destinationSite());
        }
        String next = toOrganisation.orElseThrow();
        if (next.equals(releasingOrganisation)) {
            throw refuse(ShipmentRefusal.Kind.INVALID, "A handover goes to another organisation: "
                    + next + " holds the shipment already.").plain();
        }
        return Party.partner(next);
    }

    /**
     * The pending handover the caller's organisation accepts.
     *
     * @throws ShipmentRefusedException when none waits, it is addressed to another party, or it
     *         delivers the shipment (the destination accepts by receiving it)
     */
    public static Handover handoverToAccept(Shipment shipment, int number, String acceptingOrganisation) {
        ShipmentTransitions.require(shipment, ShipmentTransitions.Action.ACCEPT);
        Handover pending = shipment.pendingHandover().filter(handover -> handover.number() == number)
                .orElseThrow(() -> refuse(ShipmentRefusal.Kind.OUT_OF_ORDER, "Handover " + number + " of shipment "
                        + shipment.id() + " does not wait for its acceptance.").plain());
        if (!pending.to().organisation().equals(acceptingOrganisation)) {
            throw refuse(ShipmentRefusal.Kind.NOT_ADDRESSED_TO_CALLER, "Handover " + number + " is addressed to "
                    + pending.to().organisation() + ".").plain();
        }
        return pending;
    }

    private static Refusing refuse(ShipmentRefusal.Kind kind, String detail) {
        return new Refusing(ShipmentRefusal.of(kind, detail));
    }

    /** A refusal being built: {@link #plain} or with the pending handover's number. */
    private record Refusing(ShipmentRefusal refusal) {
        ShipmentRefusedException plain() {
            return new ShipmentRefusedException(refusal);
        }

        ShipmentRefusedException withPending(int number) {
            return new ShipmentRefusedException(refusal.with("pendingHandover", number));
        }
    }
}
