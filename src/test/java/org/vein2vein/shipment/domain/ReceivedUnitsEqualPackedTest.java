package org.vein2vein.shipment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReceivedUnitsEqualPackedTest {

    private static final String A = "V2V7K3Q9P2XRTB-01";
    private static final String B = "V2V7K3Q9P2XRTB-02";
    private static final String C = "V2V7K3Q9P2XRTB-03";
    private static final String X = "V2VOTHER00000-01";

    private final Shipment shipment = Shipments.delivered().units(A, B, C).build();

    @Test
    void acceptsTheUnitsPackedInAnyOrder() {
        assertThatCode(() -> ReceivedUnitsEqualPacked.require(shipment, List.of(C, A, B))).doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingUnitNamingIt() {
        ShipmentRefusal refusal = refusal(List.of(A, C));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.RECEIVED_UNITS_DIFFER);
        assertThat(refusal.details()).containsEntry("missing", List.of(B)).containsEntry("unexpected", List.of())
                .containsEntry("listedTwice", false);
        assertThat(refusal.detail()).contains(Shipments.ID);
    }

    @Test
    void refusesNothingReceived() {
        assertThat(refusal(List.of()).details()).containsEntry("missing", List.of(A, B, C));
    }

    @Test
    void refusesAnUnexpectedUnitNamingIt() {
        ShipmentRefusal refusal = refusal(List.of(A, B, C, X));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.RECEIVED_UNITS_DIFFER);
        assertThat(refusal.details()).containsEntry("missing", List.of()).containsEntry("unexpected", List.of(X))
                .containsEntry("listedTwice", false);
    }

    @Test
    void refusesAUnitInPlaceOfAnother() {
        assertThat(refusal(List.of(A, X, C)).details()).containsEntry("missing", List.of(B))
                .containsEntry("unexpected", List.of(X));
    }

    @Test
    void refusesAUnitListedTwiceThoughTheSetIsEqual() {
        ShipmentRefusal refusal = refusal(List.of(A, B, C, B));
        assertThat(refusal.kind()).isEqualTo(ShipmentRefusal.Kind.RECEIVED_UNITS_DIFFER);
        assertThat(refusal.details()).containsEntry("missing", List.of()).containsEntry("unexpected", List.of())
                .containsEntry("listedTwice", true);
    }

    private ShipmentRefusal refusal(List<String> received) {
        ShipmentRefusal[] refusal = new ShipmentRefusal[1];
        assertThatThrownBy(() -> ReceivedUnitsEqualPacked.require(shipment, received))
                .isInstanceOfSatisfying(ShipmentRefusedException.class, e -> refusal[0] = e.refusal());
        return refusal[0];
    }
}
