package org.vein2vein.shipment.domain;

import java.util.Objects;

/** A unit a shipment carries, with the COI of its batch. */
public record UnitOnBoard(String coi, String unitId) {

    public UnitOnBoard {
        Objects.requireNonNull(coi, "coi");
        Objects.requireNonNull(unitId, "unitId");
    }
}
