package org.vein2vein.batch.application;

import java.util.Objects;
import java.util.Optional;

import org.vein2vein.kernel.BatchType;

/**
 * Registers a new batch for a patient (autologous) or donor (allogeneic).
 *
 * @param treatmentSite autologous only: where the patient is treated, if not where the cells are collected
 */
public record RegisterBatch(BatchType type, String subjectReference, String productCode, String collectionSite,
        Optional<String> treatmentSite) {

    public RegisterBatch {
        Objects.requireNonNull(treatmentSite, "treatmentSite");
    }
}
