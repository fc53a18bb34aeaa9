package org.vein2vein.batch.application;

import java.time.Instant;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.custody.domain.LedgerHead;

/** A batch as stored, with the head of its ledger. */
public record BatchState(Batch batch, LedgerHead ledgerHead, Instant registeredAt, Instant updatedAt) {
}
