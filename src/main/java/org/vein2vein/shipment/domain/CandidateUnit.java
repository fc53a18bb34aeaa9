package org.vein2vein.shipment.domain;

import java.util.Objects;
import java.util.Optional;

import org.vein2vein.batch.domain.BatchUnit;
import org.vein2vein.batch.domain.UnitCustody;

/**
 * A unit a shipment is to carry, as the record knows it.
 *
 * @param boundFor the treatment site it may go to: an autologous batch's, an allocated dose's
 */
public record CandidateUnit(String coi, String unitId, BatchUnit.Kind kind, UnitCustody custody,
        Optional<String> boundFor) {

    public CandidateUnit {
        Objects.requireNonNull(coi, "coi");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(custody, "custody");
        Objects.requireNonNull(boundFor, "boundFor");
    }
}
