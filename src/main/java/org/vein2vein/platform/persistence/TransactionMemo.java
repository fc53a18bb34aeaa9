package org.vein2vein.platform.persistence;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What a repository read in the current transaction, kept until the transaction ends or the
 * repository writes what it read: a step reads a batch's units for its rules and again for its
 * answer, and the second read is the first one's result unless the step changed them. Outside a
 * running transaction nothing is kept (and nothing is asked of the registry, which refuses it).
 */
@ApplicationScoped
public class TransactionMemo {

    private final TransactionSynchronizationRegistry registry;

    public TransactionMemo(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** The value kept under {@code key} in this transaction, or {@code read}'s, which is then kept. */
    @SuppressWarnings("unchecked")
    public <T> T remember(Object key, Supplier<T> read) {
        if (!running()) {
            return read.get();
        }
        T kept = (T) registry.getResource(key);
        if (kept == null) {
            kept = read.get();
            registry.putResource(key, kept);
        }
        return kept;
    }

    /** The value kept under {@code key} in this transaction, if any. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> kept(Object key) {
        return !running() ? Optional.empty() : Optional.ofNullable((T) registry.getResource(key));
    }

    /** Keeps {@code value} under {@code key} for the rest of this transaction; nothing outside one. */
    public void keep(Object key, Object value) {
        if (running()) {
            registry.putResource(key, value);
        }
    }

    /** Drops what is kept under {@code key}: the next read goes to the database. */
    public void forget(Object key) {
        if (running()) {
            registry.putResource(key, null);
        }
    }

    /**
     * A transaction whose resources can be kept: active, or marked for rollback. One the reaper has
     * rolled back after its timeout is still bound to the thread, but the registry refuses its resources.
     */
    private boolean running() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }
}
