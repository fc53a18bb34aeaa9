package org.vein2vein.platform.persistence;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;

/**
 * Reads a failure for what it says about the database: that it could not be reached, or that a commit
 * failed. Both are told by the types in the failure's causes and the SQLSTATE codes PostgreSQL defines,
 * never by message text.
 */
public final class DatabaseFailures {

    /** SQLSTATE class 08: the connection could not be made, or was lost. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /**
     * The server refuses or ends connections: it is shutting down by an administrator's command (the
     * "terminating connection due to administrator command" of a stopped server) or after a crash, it is
     * starting up, or it has no connection slot left.
     */
    private static final Set<String> SERVER_UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseFailures() {
    }

    /**
     * Whether the failure is that the database could not be reached: no connection could be had, or the
     * one in use was lost.
     */
    public static boolean unreachable(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql
                && (connectionLost(sql.getSQLState()) || raisedByThePool(sql)));
    }

    /**
     * Whether the failure happened at a commit, whose outcome is then unknown. Besides the write
     * transactions' own exception, the transaction manager's exceptions are thrown only by a commit.
     */
    public static boolean atCommit(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof CommitOutcomeUnknownException
                || cause instanceof RollbackException || cause instanceof HeuristicMixedException
                || cause instanceof HeuristicRollbackException);
    }

    private static boolean connectionLost(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_UNAVAILABLE.contains(sqlState));
    }

    /**
     * The PostgreSQL driver's exceptions are its own subclass, and carry a SQLSTATE. A plain
     * SQLException without one comes from the connection pool: it timed out waiting for a connection,
     * or could not open one.
     */
    private static boolean raisedByThePool(SQLException sql) {
        return sql.getClass() == SQLException.class && sql.getSQLState() == null;
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
