package org.vein2vein.shipment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.vein2vein.shipment.domain.ShipmentTransitions.Action;

class ShipmentTransitionsTest {

    /** The lifecycle as docs/shipments.md has it, written out here rather than read from the code. */
    private static final Map<Action, Set<ShipmentStatus>> ALLOWED = Map.of(
            Action.PACK, EnumSet.of(ShipmentStatus.PLANNED),
            Action.CANCEL, EnumSet.of(ShipmentStatus.PLANNED),
            Action.RELEASE, EnumSet.of(ShipmentStatus.PACKED, ShipmentStatus.PICKED_UP),
            Action.ACCEPT, EnumSet.of(ShipmentStatus.PACKED, ShipmentStatus.PICKED_UP),
            Action.RECEIVE, EnumSet.of(ShipmentStatus.DELIVERED),
            Action.UPLOAD_READINGS, EnumSet.of(ShipmentStatus.PACKED, ShipmentStatus.PICKED_UP,
                    ShipmentStatus.DELIVERED));

    static Stream<Arguments> everyActionAtEveryStatus() {
        List<Arguments> cases = new ArrayList<>();
        for (Action action : Action.values()) {
            for (ShipmentStatus status : ShipmentStatus.values()) {
                cases.add(Arguments.of(action, status, ALLOWED.get(action).contains(status)));
            }
        }
        return cases.stream();
    }

    @Test
    void theMatrixCoversEveryAction() {
        assertThat(ALLOWED).containsOnlyKeys(Action.values());
    }

    @ParameterizedTest(name = "{0} at {1}: allowed {2}")
    @MethodSource("everyActionAtEveryStatus")
    void allowsEachActionOnlyAtItsStatuses(Action action, ShipmentStatus status, boolean allowed) {
        Shipment shipment = Shipments.planned().status(status).build();
        if (allowed) {
            assertThatCode(() -> ShipmentTransitions.require(shipment, action)).doesNotThrowAnyException();
            return;
        }
        List<ShipmentStatus> expected = ALLOWED.get(action).stream().sorted().toList();
        assertThatThrownBy(() -> ShipmentTransitions.require(shipment, action))
                .isInstanceOfSatisfying(ShipmentRefusedException.class, e -> {
                    assertThat(e.refusal().kind()).isEqualTo(ShipmentRefusal.Kind.OUT_OF_ORDER);
                    assertThat(e.refusal().details()).containsEntry("shipmentStatus", status)
                            .containsEntry("allowedAt", expected);
                    assertThat(e.refusal().detail()).contains(Shipments.ID).contains(status.name())
                            .contains(action.name());
                });
    }

    @Test
    void aReceivedShipmentAllowsNothing() {
        Shipment received = Shipments.received().build();
        for (Action action : Action.values()) {
            assertThatThrownBy(() -> ShipmentTransitions.require(received, action))
                    .isInstanceOf(ShipmentRefusedException.class);
        }
    }
}
