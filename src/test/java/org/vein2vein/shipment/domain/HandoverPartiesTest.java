package org.vein2vein.shipment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vein2vein.shipment.domain.Shipments.AT_DESTINATION;
import static org.vein2vein.shipment.domain.Shipments.AT_ORIGIN;
import static org.vein2vein.shipment.domain.Shipments.COURIER;
import static org.vein2vein.shipment.domain.Shipments.DEPOT;
import static org.vein2vein.shipment.domain.Shipments.DESTINATION;
import static org.vein2vein.shipment.domain.Shipments.DESTINATION_ORG;
import static org.vein2vein.shipment.domain.Shipments.ORIGIN_ORG;
import static org.vein2vein.shipment.domain.Shipments.TO_COURIER;

import java.util.Optional;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HandoverPartiesTest {

    // Releasing: the origin to its courier first, then the holder to the next party.

    @Test
    void theOriginReleasesAPackedShipmentToItsCourier() {
        Party to = HandoverParties.releaseTo(Shipments.packed().build(), ORIGIN_ORG, Optional.of(COURIER), false,
                DESTINATION_ORG);
        assertThat(to).isEqualTo(Party.partner(COURIER));
    }

    @Test
    void theOriginMayNotReleaseToAnotherLogisticsOrganisationFirst() {
        ShipmentRefusal refusal = refusal(() -> HandoverParties.releaseTo(Shipments.packed().build(), ORIGIN_ORG,
                Optional.of(DEPOT), false, DESTINATION_ORG));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.INVALID);
        assertThat(refusal.detail()).contains(COURIER);
    }

    @Test
    void theOriginMayNotReleaseStraightToTheDestination() {
        assertThat(refusal(() -> HandoverParties.releaseTo(Shipments.packed().build(), ORIGIN_ORG, Optional.empty(),
                true, DESTINATION_ORG)).kind()).isEqualTo(ShipmentRefusal.Kind.INVALID);
        assertThat(refusal(() -> HandoverParties.releaseTo(Shipments.packed().build(), ORIGIN_ORG,
                Optional.of(COURIER), true, DESTINATION_ORG)).kind()).isEqualTo(ShipmentRefusal.Kind.INVALID);
    }

    @Test
    void onlyTheCustodianReleases() {
        ShipmentRefusal byCourier = refusal(() -> HandoverParties.releaseTo(Shipments.packed().build(), COURIER,
                Optional.of(DEPOT), false, DESTINATION_ORG));
        assertThat(byCourier.kind()).isEqualTo(ShipmentRefusal.Kind.NOT_THE_CUSTODIAN);
        assertThat(byCourier.detail()).contains(ORIGIN_ORG);
        ShipmentRefusal byOrigin = refusal(() -> HandoverParties.releaseTo(Shipments.pickedUp().build(), ORIGIN_ORG,
                Optional.of(DEPOT), false, DESTINATION_ORG));
        assertThat(byOrigin.kind()).isEqualTo(ShipmentRefusal.Kind.NOT_THE_CUSTODIAN);
        assertThat(byOrigin.detail()).contains(COURIER);
    }

    @Test
    void refusesASecondReleaseWhileOneWaitsForItsAcceptance() {
        ShipmentRefusal again = refusal(() -> HandoverParties.releaseTo(Shipments.releasedToCourier().build(),
                ORIGIN_ORG, Optional.of(COURIER), false, DESTINATION_ORG));
        assertThat(again.kind()).isEqualTo(ShipmentRefusal.Kind.OUT_OF_ORDER);
        assertThat(again.details()).containsEntry("pendingHandover", 1);

        Shipment toDepot = Shipments.pickedUp().handover(Shipments.released(2, TO_COURIER, Party.partner(DEPOT)))
                .build();
        ShipmentRefusal byCourier = refusal(() -> HandoverParties.releaseTo(toDepot, COURIER, Optional.empty(), true,
                DESTINATION_ORG));
        assertThat(byCourier.kind()).isEqualTo(ShipmentRefusal.Kind.OUT_OF_ORDER);
        assertThat(byCourier.details()).containsEntry("pendingHandover", 2);
    }

    @Test
    void theCourierReleasesToTheDestination() {
        Party to = HandoverParties.releaseTo(Shipments.pickedUp().build(), COURIER, Optional.empty(), true,
                DESTINATION_ORG);
        assertThat(to).isEqualTo(Party.atSite(DESTINATION_ORG, DESTINATION)).isEqualTo(AT_DESTINATION);
    }

    @Test
    void theCourierReleasesToAnotherLogisticsOrganisationAlongTheWay() {
        assertThat(HandoverParties.releaseTo(Shipments.pickedUp().build(), COURIER, Optional.of(DEPOT), false,
                DESTINATION_ORG)).isEqualTo(Party.partner(DEPOT));
    }

    @Test
    void aDepotHoldingTheShipmentReleasesItToTheDestination() {
        Shipment atDepot = Shipments.pickedUp().custodian(DEPOT).handover(Shipments.released(2, TO_COURIER,
                Party.partner(DEPOT)).acceptedBy(Shipments.DRIVER, Shipments.PACKED_AT.plusSeconds(3600),
                        Handover.Condition.INTACT)).build();
        assertThat(HandoverParties.releaseTo(atDepot, DEPOT, Optional.empty(), true, DESTINATION_ORG))
                .isEqualTo(AT_DESTINATION);
    }

    @Test
    void aHandoverGoesToAnotherOrganisation() {
        ShipmentRefusal refusal = refusal(() -> HandoverParties.releaseTo(Shipments.pickedUp().build(), COURIER,
                Optional.of(COURIER), false, DESTINATION_ORG));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.INVALID);
    }

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = { "PLANNED", "DELIVERED", "RECEIVED" })
    void refusesAReleaseBeforePackingOrAfterDelivery(ShipmentStatus status) {
        Shipment shipment = Shipments.planned().status(status).custodian(COURIER).build();
        assertThat(refusal(() -> HandoverParties.releaseTo(shipment, COURIER, Optional.empty(), true,
                DESTINATION_ORG)).kind()).isEqualTo(ShipmentRefusal.Kind.OUT_OF_ORDER);
    }

    // Accepting: the pending handover, by the organisation it is addressed to.

    @Test
    void theCourierAcceptsTheHandoverAddressedToIt() {
        Handover pending = HandoverParties.handoverToAccept(Shipments.releasedToCourier().build(), 1, COURIER);
        assertThat(pending.number()).isEqualTo(1);
        assertThat(pending.from()).isEqualTo(AT_ORIGIN);
        assertThat(pending.to()).isEqualTo(TO_COURIER);
        assertThat(pending.isPending()).isTrue();
    }

    @Test
    void aDepotAcceptsTheHandoverAddressedToIt() {
        Shipment toDepot = Shipments.pickedUp().handover(Shipments.released(2, TO_COURIER, Party.partner(DEPOT)))
                .build();
        assertThat(HandoverParties.handoverToAccept(toDepot, 2, DEPOT).number()).isEqualTo(2);
    }

    @Test
    void refusesAnAcceptanceByAnotherOrganisation() {
        ShipmentRefusal refusal = refusal(() -> HandoverParties.handoverToAccept(Shipments.releasedToCourier().build(),
                1, DEPOT));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.NOT_ADDRESSED_TO_CALLER);
        assertThat(refusal.detail()).contains(COURIER);
        assertThat(refusal(() -> HandoverParties.handoverToAccept(Shipments.releasedToCourier().build(), 1,
                ORIGIN_ORG)).kind()).isEqualTo(ShipmentRefusal.Kind.NOT_ADDRESSED_TO_CALLER);
    }

    @Test
    void refusesAcceptingANumberThatIsNotPending() {
        assertThat(refusal(() -> HandoverParties.handoverToAccept(Shipments.releasedToCourier().build(), 2, COURIER))
                .kind()).isEqualTo(ShipmentRefusal.Kind.OUT_OF_ORDER);
        assertThat(refusal(() -> HandoverParties.handoverToAccept(Shipments.releasedToCourier().build(), 0, COURIER))
                .kind()).isEqualTo(ShipmentRefusal.Kind.OUT_OF_ORDER);
    }

    @Test
    void refusesAcceptingAHandoverAlreadyAccepted() {
        ShipmentRefusal refusal = refusal(() -> HandoverParties.handoverToAccept(Shipments.pickedUp().build(), 1,
                COURIER));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.OUT_OF_ORDER);
        assertThat(refusal.detail()).contains(Shipments.ID);
    }

    @Test
    void refusesAnAcceptanceWhenNothingWasReleased() {
        assertThat(refusal(() -> HandoverParties.handoverToAccept(Shipments.packed().build(), 1, COURIER)).kind())
                .isEqualTo(ShipmentRefusal.Kind.OUT_OF_ORDER);
    }

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = { "PLANNED", "DELIVERED", "RECEIVED" })
    void refusesAnAcceptanceOutsideTheCouriersLegs(ShipmentStatus status) {
        Shipment shipment = Shipments.planned().status(status)
                .handover(Shipments.released(1, AT_ORIGIN, TO_COURIER)).build();
        assertThat(refusal(() -> HandoverParties.handoverToAccept(shipment, 1, COURIER)).kind())
                .isEqualTo(ShipmentRefusal.Kind.OUT_OF_ORDER);
    }

    @Test
    void theDestinationDoesNotAcceptTheDeliveryAsAHandover() {
        // Delivered: the destination accepts by receiving the shipment, not through the handover endpoint.
        assertThat(refusal(() -> HandoverParties.handoverToAccept(Shipments.delivered().build(), 2, DESTINATION_ORG))
                .kind()).isEqualTo(ShipmentRefusal.Kind.OUT_OF_ORDER);
    }

    private static ShipmentRefusal refusal(ThrowingCallable call) {
        ShipmentRefusal[] refusal = new ShipmentRefusal[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ShipmentRefusedException.class, e -> refusal[0] = e.refusal());
        return refusal[0];
    }
}
