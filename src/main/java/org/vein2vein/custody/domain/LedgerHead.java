package org.vein2vein.custody.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The newest event of a batch's ledger, to which the next event is chained; the head of an
 * empty ledger is the genesis: sequence 0 and a hash of 64 zeros.
 *
 * @param lastOccurredAt when the newest event happened; empty for the genesis
 */
public record LedgerHead(long sequence, String hash, Optional<Instant> lastOccurredAt) {

    public static final String GENESIS_HASH = "0".repeat(64);
    public static final LedgerHead GENESIS = new LedgerHead(0, GENESIS_HASH, Optional.empty());

    public static LedgerHead of(CustodyEvent event) {
        return new LedgerHead(event.sequence(), event.hash(), Optional.of(event.occurredAt()));
    }

    public long nextSequence() {
        return sequence + 1;
    }
}
