package org.vein2vein.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends one pass of a lane's records to Kafka, in order, and tells which ones Kafka acknowledged.
 * Sending stops at the first record Kafka did not take (the producer closes itself then, see
 * {@link FailFastProducer}); nothing after it is sent in this pass. Waiting for acknowledgements
 * ends at the pass's deadline, whatever Kafka does.
 */
final class LaneDelivery {

    private LaneDelivery() {
    }

    static Result deliver(FailFastProducer producer, List<ProducerRecord<String, byte[]>> records,
            PassBudget.Pass pass) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            if (!producer.usable() || !pass.maySend()) {
                break;
            }
            try {
                sent.add(producer.send(record));
            } catch (RuntimeException e) {
                producer.fail(e);
            }
        }
        boolean[] acknowledged = new boolean[records.size()];
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(pass.leftForAcknowledgements().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged[i] = true;
            } catch (ExecutionException e) {
                // The callback has closed the producer already; the records after this one fail at once.
                producer.fail(e.getCause() instanceof Exception cause ? cause : e);
            } catch (TimeoutException e) {
                producer.fail(new TimeoutException("no acknowledgement within the pass's deadline"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                producer.fail(e);
                break;
            }
        }
        return new Result(acknowledged, sent.size(), producer.failure().orElse(null));
    }

    /**
     * @param acknowledged per record, whether Kafka acknowledged it
     * @param sent         how many records were handed to the producer
     * @param failure      why the producer failed, if it did
     */
    record Result(boolean[] acknowledged, int sent, Exception failure) {

        boolean acknowledged(int index) {
            return acknowledged[index];
        }

        /** Whether every record was sent and acknowledged. */
        boolean complete() {
            return failure == null && sent == acknowledged.length;
        }
    }
}
