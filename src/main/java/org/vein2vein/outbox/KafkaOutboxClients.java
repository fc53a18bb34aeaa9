package org.vein2vein.outbox;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Makes the Kafka clients the relay needs, from the service's {@code kafka.*} configuration. */
@ApplicationScoped
public class KafkaOutboxClients {

    private final Map<String, Object> kafkaConfig;
    private final OutboxConfig config;

    public KafkaOutboxClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            OutboxConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    /**
     * An idempotent producer that waits for all in-sync replicas: with idempotence, a retry never
     * writes a record twice nor reorders records of one partition, as long as no record failed
     * (the relay drops a producer at its first failure: see {@link FailFastProducer}).
     */
    public Producer<String, byte[]> producer(String clientId) {
        Map<String, Object> settings = new HashMap<>(connection());
        long deliveryTimeout = config.deliveryTimeout().toMillis();
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A relay pass hands the producer up to a batch of rows at once: in batches of 16 KB (the default), a
        // pass of 500 events took ten round trips to the broker; in 512 KB, one or two.
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(deliveryTimeout - 10, 5_000));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(settings);
    }

    /** Creates the custody and shipments topics where they do not exist yet; throws while Kafka is unreachable. */
    public void ensureTopics() {
        Map<String, Object> settings = new HashMap<>(connection());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        List<NewTopic> topics = Arrays.stream(OutboxTopic.values()).map(topic -> topic.configuredName(config))
                .distinct()
                .map(name -> new NewTopic(name, config.topicPartitions(), config.topicReplicationFactor()))
                .toList();
        try (Admin admin = Admin.create(settings)) {
            // One request creates them all; each topic's answer comes with it.
            admin.createTopics(topics).values().forEach(KafkaOutboxClients::awaitCreated);
        }
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> creation) {
        try {
            creation.get(15, TimeUnit.SECONDS);
            Log.infof("Created Kafka topic %s", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 15 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }

    /** Only the connection settings of {@code kafka.*}: bootstrap servers, security, and so on. */
    private Map<String, Object> connection() {
        Map<String, Object> connection = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.startsWith("bootstrap.") || key.startsWith("security.") || key.startsWith("sasl.")
                    || key.startsWith("ssl.") || key.startsWith("client.dns.")) {
                connection.put(key, value);
            }
        });
        return connection;
    }
}
