package org.vein2vein.batch.application;

import org.vein2vein.kernel.BatchType;

/** Registers a new batch for a patient (autologous) or donor (allogeneic). */
public record RegisterBatch(BatchType type, String subjectReference, String productCode, String collectionSite) {
}
