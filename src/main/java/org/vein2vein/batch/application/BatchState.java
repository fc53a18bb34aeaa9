package org.vein2vein.batch.application;

import java.time.Instant;
import java.util.OptionalInt;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.custody.domain.LedgerHead;

/**
 * A batch as stored, with the head of its ledger.
 *
 * @param productVersion the version of its product the batch follows, fixed at registration;
 *                       empty only for a batch registered before products existed whose product
 *                       the catalogue does not hold
 */
public record BatchState(Batch batch, OptionalInt productVersion, LedgerHead ledgerHead, Instant registeredAt,
        Instant updatedAt) {
}
