package org.vein2vein.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;

/** A read is kept for its transaction only, until forgotten, and never asked of a transaction that has ended. */
@QuarkusTest
class TransactionMemoTest {

    private static final String KEY = "units of a batch";

    @Inject
    TransactionMemo memo;
    @Inject
    TransactionManager transactions;

    private final AtomicInteger reads = new AtomicInteger();
    private final Supplier<Integer> read = reads::incrementAndGet;

    @Test
    void outsideATransactionEveryReadGoesToTheDatabase() {
        assertThat(memo.remember(KEY, read)).isEqualTo(1);
        assertThat(memo.remember(KEY, read)).isEqualTo(2);
        memo.keep(KEY, 42);
        assertThat(memo.kept(KEY)).isEmpty();
    }

    @Test
    void aTransactionKeepsItsReadUntilItForgetsIt() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(memo.remember(KEY, read)).isEqualTo(1);
            assertThat(memo.remember(KEY, read)).isEqualTo(1);
            assertThat(memo.<Integer>kept(KEY)).contains(1);
            memo.forget(KEY);
            assertThat(memo.kept(KEY)).isEmpty();
            assertThat(memo.remember(KEY, read)).isEqualTo(2);
        });
        QuarkusTransaction.requiringNew().run(() -> assertThat(memo.remember(KEY, read))
                .as("the next transaction reads afresh").isEqualTo(3));
    }

    @Test
    void aTransactionMarkedForRollbackStillKeepsItsReads() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            QuarkusTransaction.setRollbackOnly();
            assertThat(memo.remember(KEY, read)).isEqualTo(1);
            assertThat(memo.remember(KEY, read)).isEqualTo(1);
        })).as("it rolls back at its end").isInstanceOf(QuarkusTransactionException.class);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aTransactionRolledBackByItsTimeoutIsReadThroughNotRefused() throws Exception {
        transactions.setTransactionTimeout(1);
        transactions.begin();
        try {
            // The transaction is bound to this thread, so its status is polled here.
            await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(100))
                    .until(() -> transactions.getStatus() != Status.STATUS_ACTIVE);
            assertThat(transactions.getStatus()).as("rolled back by the reaper").isEqualTo(Status.STATUS_ROLLEDBACK);

            assertThat(memo.remember(KEY, read)).isEqualTo(1);
            assertThat(memo.remember(KEY, read)).isEqualTo(2);
            memo.forget(KEY);
            assertThat(memo.kept(KEY)).isEmpty();
        } finally {
            transactions.setTransactionTimeout(0);
            try {
                transactions.rollback();
            } catch (IllegalStateException alreadyEnded) {
                // The reaper ended it; the thread is released all the same.
            }
        }
    }
}
