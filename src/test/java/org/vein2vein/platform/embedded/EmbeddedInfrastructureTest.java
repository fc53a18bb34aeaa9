package org.vein2vein.platform.embedded;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureTest {

    private static final String TOPIC = "custody-events";
    private static final String KEY = "bag-0042";
    // Kafka and the PostgreSQL wrapper log every step at INFO; held here so the levels set below stay put.
    private static final List<Logger> CHATTY_LOGGERS = Stream.of("kafka", "org.apache.kafka", "state.change.logger",
            "io.zonky").map(Logger::getLogger).toList();

    @BeforeAll
    static void keepOnlyWarningsFromChattyLoggers() {
        CHATTY_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    @Test
    void postgresKeepsDataAcrossARestartOnAnotherPortOnTheSameDataDirectory(@TempDir Path dataDirectory)
            throws SQLException, IOException {
        int otherPort;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory, 0);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE donor (id INT PRIMARY KEY, code TEXT NOT NULL)");
            statement.execute("INSERT INTO donor VALUES (1, 'DIN-0001')");
            // Picked while the first server holds its port, so it differs: the port is not part of the data.
            otherPort = freePort();
        }

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory, otherPort);
                Connection connection = connect(postgres);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT code FROM donor")) {
            assertEquals(otherPort, postgres.port());
            assertTrue(rows.next(), "the row written before the restart is still there");
            assertEquals("DIN-0001", rows.getString("code"));
            assertFalse(rows.next());
        }
    }

    @Test
    void kafkaKeepsRecordsAcrossAStopAndRestartOnTheSameBootstrapAddress(@TempDir Path logDirectory)
            throws ExecutionException, InterruptedException {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(logDirectory, 0);
                Producer<String, String> producer = producer(kafka)) {
            for (String value : List.of("collected", "shipped", "received")) {
                producer.send(new ProducerRecord<>(TOPIC, KEY, value)).get();
            }
            assertEquals(List.of("collected", "shipped", "received"), consumeFromBeginning(kafka, 3));

            kafka.stop();
            assertFalse(kafka.isRunning());
            kafka.restart();
            assertTrue(kafka.isRunning());

            // The same producer reconnects to the same bootstrap address.
            producer.send(new ProducerRecord<>(TOPIC, KEY, "infused")).get();
            assertEquals(List.of("collected", "shipped", "received", "infused"), consumeFromBeginning(kafka, 4));
        }
    }

    @Test
    void kafkaStartedAfreshOnAnotherPortOverAnExistingLogDirectoryStillHasTheEarlierRecords(@TempDir Path logDirectory)
            throws ExecutionException, InterruptedException, IOException {
        int otherPort;
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(logDirectory, 0);
                Producer<String, String> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(TOPIC, KEY, "collected")).get();
            // Picked while the first broker holds its port, so it differs: the port is not part of the log.
            otherPort = freePort();
        }

        // As after a JVM restart with another port setting: a new broker, new ports, the same formatted directory.
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(logDirectory, otherPort)) {
            assertEquals("127.0.0.1:" + otherPort, kafka.bootstrapServers());
            assertEquals(List.of("collected"), consumeFromBeginning(kafka, 1));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private static Producer<String, String> producer(EmbeddedKafkaBroker kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic with a fresh consumer group; all records share a key, so they arrive in production order. */
    private static List<String> consumeFromBeginning(EmbeddedKafkaBroker kafka, int expectedCount) {
        List<String> values = new ArrayList<>();
        try (Consumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            // KafkaConsumer is single-threaded, so poll it on the test thread.
            await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    assertEquals(KEY, record.key());
                    values.add(record.value());
                });
                return values.size() >= expectedCount;
            });
        }
        return values;
    }
}
