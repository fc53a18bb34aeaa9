package org.vein2vein.outbox;

import java.time.Duration;

/**
 * How long one lane pass may take, so that it always ends before its transaction does: a pass that
 * went on after its transaction was rolled back would have lost the lane's advisory lock to another
 * relay, and could publish the lane's rows alongside it.
 *
 * <p>A pass is timed from the start of its transaction. After a few seconds for reading the lane's
 * rows, it starts no send once one {@code max.block} has passed (a send blocks at most that long,
 * waiting for the topic's metadata or for buffer room), so every record is with the producer within
 * two. The producer answers for each record within the delivery timeout after that, and the pass
 * waits no longer. The transaction adds a few seconds for closing a failed producer and marking the
 * rows.
 */
final class PassBudget {

    private static final Duration READING = Duration.ofSeconds(5);
    private static final Duration ACKNOWLEDGEMENT_SLACK = Duration.ofSeconds(1);
    /** Closing a failed producer (it may wait out one request timeout, at most 5 s), then the update. */
    private static final Duration MARKING = Duration.ofSeconds(10);

    private final Duration sending;
    private final Duration acknowledgements;

    PassBudget(OutboxConfig config) {
        this.sending = READING.plus(config.maxBlock());
        this.acknowledgements = READING.plus(config.maxBlock().multipliedBy(2)).plus(config.deliveryTimeout())
                .plus(ACKNOWLEDGEMENT_SLACK);
    }

    /** The longest a pass, transaction included, can last. */
    Duration longestPass() {
        return acknowledgements.plus(MARKING);
    }

    int transactionTimeoutSeconds() {
        return (int) Math.ceil(longestPass().toMillis() / 1000.0);
    }

    /** Starts timing a pass; call it as the pass's transaction begins. */
    Pass start() {
        return new Pass(System.nanoTime());
    }

    /** The deadlines of one pass. */
    final class Pass {

        private final long startedAt;

        private Pass(long startedAt) {
            this.startedAt = startedAt;
        }

        /** Whether another record may be handed to the producer. */
        boolean maySend() {
            return elapsed().compareTo(sending) < 0;
        }

        /** How much longer the pass may wait for acknowledgements; zero once it must stop. */
        Duration leftForAcknowledgements() {
            Duration left = acknowledgements.minus(elapsed());
            return left.isNegative() ? Duration.ZERO : left;
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startedAt);
        }
    }
}
