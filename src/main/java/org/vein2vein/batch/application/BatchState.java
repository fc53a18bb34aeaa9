package org.vein2vein.batch.application;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.batch.persistence.BatchUnitRepository;
import org.vein2vein.custody.domain.LedgerHead;

/**
 * A batch as stored, with the head of its ledger.
 *
 * @param productVersion the version of its product the batch follows, fixed at registration;
 *                       empty only for a batch registered before products existed whose product
 *                       the catalogue does not hold
 * @param units          its bags, or the doses of an allogeneic lot with their own stages and allocations
 * @param donationIds    the donation ids of its collections, oldest first
 */
public record BatchState(Batch batch, OptionalInt productVersion, LedgerHead ledgerHead, Instant registeredAt,
        Instant updatedAt, List<BatchUnitRepository.StoredUnit> units, List<String> donationIds) {

    public BatchState {
        units = List.copyOf(units);
        donationIds = List.copyOf(donationIds);
    }
}
