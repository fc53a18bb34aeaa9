package org.vein2vein.batch.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a technician scanned at an identity checkpoint, and who witnessed it.
 *
 * @param witness pseudonymous id of the second verifier, where the product requires one
 */
public record IdentityScan(String scannedCoi, Optional<String> scannedUnitId, Optional<String> patientReference,
        Optional<String> recipientReference, Optional<String> witness) {

    public IdentityScan {
        Objects.requireNonNull(scannedCoi, "scannedCoi");
        Objects.requireNonNull(scannedUnitId, "scannedUnitId");
        Objects.requireNonNull(patientReference, "patientReference");
        Objects.requireNonNull(recipientReference, "recipientReference");
        Objects.requireNonNull(witness, "witness");
    }
}
