package org.vein2vein.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A partner's consumer of the custody topic, from its end at the time it starts: notes when each
 * record (COI and ledger sequence, from the CloudEvent headers) was first seen, and whether each
 * batch's records arrived in ledger order.
 */
public final class CustodyTopicWatch implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> newestSequence = new ConcurrentHashMap<>();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong lastSeenNanos = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public CustodyTopicWatch(String bootstrapServers, String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        settings.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::poll, "custody-topic-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String coi = header(record, "ce_subject");
                    long sequence = Long.parseLong(header(record, "ce_sequence"));
                    if (firstSeen.putIfAbsent(coi + "#" + sequence, now) == null) {
                        records.incrementAndGet();
                        lastSeenNanos.set(now);
                        Long newest = newestSequence.put(coi, Math.max(sequence,
                                newestSequence.getOrDefault(coi, 0L)));
                        if (newest != null && newest > sequence) {
                            outOfOrder.incrementAndGet();
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // The broker is away (the drain phase kills it): keep polling, the client reconnects.
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** When the record of the batch's event {@code sequence} was first seen (System.nanoTime), if it was. */
    public Long seenAt(String coi, long sequence) {
        return firstSeen.get(coi + "#" + sequence);
    }

    /** Distinct records seen so far. */
    public long records() {
        return records.get();
    }

    public long lastSeenNanos() {
        return lastSeenNanos.get();
    }

    /** Records first seen after a later record of the same batch. */
    public long outOfOrder() {
        return outOfOrder.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}
