package org.vein2vein.platform.persistence;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reads that must see one state of the database across several statements: in PostgreSQL's
 * default isolation each statement sees what was committed when it began, so a read of a ledger
 * and a read of what is recorded beside it could straddle a concurrent append.
 */
@ApplicationScoped
public class ConsistentReads {

    private final EntityManager entityManager;

    public ConsistentReads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Runs {@code read} in a read-only transaction whose statements all see one snapshot. */
    public <T> T snapshot(Supplier<T> read) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("set transaction isolation level repeatable read, read only")
                    .executeUpdate();
            return read.get();
        });
    }
}
