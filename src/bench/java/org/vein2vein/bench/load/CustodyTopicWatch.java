package org.vein2vein.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Arrivals awaited;

    /**
     * Given records, counted as the watch first sees them, with when it saw the first and the last
     * (System.nanoTime); other records on the topic (another batch's, a clock event) do not count.
     */
    public static final class Arrivals {
        private final Set<String> waiting = ConcurrentHashMap.newKeySet();
        private final long expected;
        private final CountDownLatch all;
        private volatile long firstNanos;
        private volatile long lastNanos;

        private Arrivals(Collection<StepLoad.Recorded> records) {
            records.forEach(record -> waiting.add(key(record.coi(), record.sequence())));
            expected = waiting.size();
            all = new CountDownLatch(waiting.size());
        }

        /** Called by the watch's one polling thread. */
        private void seen(String key, long now) {
            if (waiting.remove(key)) {
                if (all.getCount() == expected) {
                    firstNanos = now;
                }
                lastNanos = now;
                all.countDown();
            }
        }

        /** Waits until all have arrived; false if some had not in {@code timeout}. */
        public boolean await(Duration timeout) throws InterruptedException {
            return all.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** How many have arrived so far. */
        public long count() {
            return expected - all.getCount();
        }

        public long firstNanos() {
            return firstNanos;
        }

        public long lastNanos() {
            return lastNanos;
        }
    }

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
                    String key = key(coi, sequence);
                    if (firstSeen.putIfAbsent(key, now) == null) {
                        Arrivals arrivals = awaited;
                        if (arrivals != null) {
                            arrivals.seen(key, now);
                        }
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

    private static String key(String coi, long sequence) {
        return coi + "#" + sequence;
    }

    /** When the record of the batch's event {@code sequence} was first seen (System.nanoTime), if it was. */
    public Long seenAt(String coi, long sequence) {
        return firstSeen.get(key(coi, sequence));
    }

    /** Starts counting the records of {@code steps} that arrive from now on (one set at a time). */
    public Arrivals expect(Collection<StepLoad.Recorded> steps) {
        Arrivals arrivals = new Arrivals(steps);
        awaited = arrivals;
        return arrivals;
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
