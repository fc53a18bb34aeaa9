package org.vein2vein.outbox;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A Kafka producer that is closed the moment one of its records fails, so that no record sent
 * after the failed one can still reach the topic. The relay uses one until it fails, then a new one.
 *
 * <p>Why closing is needed, with Kafka 4.1's idempotent producer ({@code acks=all}):
 * <ul>
 * <li>Within one producer epoch the broker writes a partition's batches only in sequence: a batch
 * whose predecessor was not written is refused. But a batch gets its sequence number only when it
 * leaves the accumulator. A batch that expires there ({@code delivery.timeout.ms}, e.g. while the
 * broker is down) never had one, so the next batch of that partition takes its place in the
 * sequence and is accepted: a later record of a COI gets through, an earlier one does not.</li>
 * <li>A batch that fails after it was sent makes the producer bump its epoch, which restarts the
 * sequences: batches still queued then go out, whatever happened to the earlier ones.</li>
 * <li>{@code send()} does not throw when the topic's metadata is unavailable: it blocks up to
 * {@code max.block.ms}, then calls the callback and returns a failed future; a caller that goes on
 * sends later records that may get through once Kafka is back.</li>
 * </ul>
 * Both the expiry and the epoch bump happen on the producer's I/O thread, which runs the failed
 * records' callbacks first: failing a batch completes its records (callbacks included) before the
 * transaction manager is told, and the epoch is bumped, or a later batch drained, only in a later
 * iteration of the I/O loop. {@code close(Duration.ZERO)} from the callback (allowed there, and
 * never blocking) ends that loop after the current iteration and aborts every record not yet sent;
 * what was already on the wire was sequenced behind the failed batch's predecessors in the same
 * epoch, so the broker writes it only if they were written. So whatever of one pass reaches the
 * topic is, per partition, an unbroken run from the first record sent; a pass that sends again
 * from the first unacknowledged record can only add duplicates behind it, never reorder.
 */
final class FailFastProducer {

    private final Producer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    FailFastProducer(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Sends a record; its failure, reported on whichever thread, closes this producer at once. */
    Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        return producer.send(record, (metadata, exception) -> {
            if (exception != null) {
                fail(exception);
            }
        });
    }

    /** Records why this producer cannot be trusted any more, and closes it without sending what is queued. */
    void fail(Exception reason) {
        failure.compareAndSet(null, reason);
        if (closed.compareAndSet(false, true)) {
            producer.close(Duration.ZERO);
        }
    }

    /** Whether a record may still be sent: nothing has failed and the producer is open. */
    boolean usable() {
        return failure.get() == null && !closed.get();
    }

    /** The first failure, if any. */
    Optional<Exception> failure() {
        return Optional.ofNullable(failure.get());
    }
}
