package org.vein2vein.platform.problem;

import org.vein2vein.testing.Database;

/** How many rows the tables a request could write to hold, read with plain JDBC. */
record LedgerRowCounts(long batches, long custodyEvents, long outboxMessages) {

    static LedgerRowCounts now() {
        return new LedgerRowCounts(Database.count("SELECT count(*) FROM batch"),
                Database.count("SELECT count(*) FROM custody_event"),
                Database.count("SELECT count(*) FROM outbox_message"));
    }
}
