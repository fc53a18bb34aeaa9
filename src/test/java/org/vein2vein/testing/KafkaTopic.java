package org.vein2vein.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning, as a partner's consumer would, and keeps every record it has
 * seen, in the order the broker delivered them per partition. It joins no consumer group.
 */
public class KafkaTopic implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public KafkaTopic(String topic) {
        this.topic = topic;
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers());
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(settings);
    }

    /** Waits until the topic holds {@code count} records keyed by {@code key}, and returns them in order. */
    public List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            poll();
            return recordsOf(key).size() >= count;
        });
        return recordsOf(key);
    }

    public List<ConsumerRecord<String, String>> recordsOf(String key) {
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    public List<ConsumerRecord<String, String>> all() {
        return List.copyOf(seen);
    }

    /** Reads up to the end the topic had when called, and returns every record seen. */
    public List<ConsumerRecord<String, String>> readToTheEnd() {
        poll();
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            poll();
            return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
        return all();
    }

    /** Reads whatever has arrived since the last poll. */
    public void poll() {
        if (consumer.assignment().isEmpty()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
