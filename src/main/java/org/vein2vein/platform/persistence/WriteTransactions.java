package org.vein2vein.platform.persistence;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

/**
 * The transaction of a write request, with its commit kept apart from its work. A failure of the work
 * rolls the transaction back: nothing is recorded, and the failure is thrown as it is. A failure of the
 * commit is a {@link CommitOutcomeUnknownException}: the database may have committed and lost the
 * connection before it could say so, or not, and the transaction manager cannot tell which (it reports
 * either as a rollback).
 */
@ApplicationScoped
public class WriteTransactions {

    private final TransactionManager transactions;
    private final EntityManager entityManager;

    public WriteTransactions(TransactionManager transactions, EntityManager entityManager) {
        this.transactions = transactions;
        this.entityManager = entityManager;
    }

    /**
     * Runs {@code work} in a new transaction and commits it.
     *
     * @throws CommitOutcomeUnknownException when the work was done but the commit failed
     */
    public <T> T run(Supplier<T> work) {
        begin();
        T result;
        try {
            result = work.get();
            // Writes reach the database now rather than at the commit: a statement that fails here fails
            // before anything could be committed.
            entityManager.flush();
            requireActive();
        } catch (RuntimeException | Error e) {
            rollbackAfter(e);
            throw e;
        }
        commit();
        return result;
    }

    private void begin() {
        try {
            transactions.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("A write transaction could not begin", e);
        }
    }

    /** Work that swallowed a failure may have left the transaction marked for rollback: it fails before the commit. */
    private void requireActive() {
        int status;
        try {
            status = transactions.getStatus();
        } catch (SystemException e) {
            throw new IllegalStateException("The state of the write transaction is unknown", e);
        }
        if (status != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("The write transaction can no longer commit (status " + status + ")");
        }
    }

    private void commit() {
        try {
            transactions.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException
                | RuntimeException e) {
            throw new CommitOutcomeUnknownException(e);
        }
    }

    private void rollbackAfter(Throwable failure) {
        try {
            transactions.rollback();
        } catch (SystemException | RuntimeException rollbackFailure) {
            // The database rolls back a transaction whose connection is gone: nothing was committed either way.
            failure.addSuppressed(rollbackFailure);
        }
    }
}
