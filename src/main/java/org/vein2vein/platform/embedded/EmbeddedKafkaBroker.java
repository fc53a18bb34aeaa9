package org.vein2vein.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.jboss.logging.Logger;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM, for the zero-setup
 * run and the tests. The log directory and the client port are kept across {@link #stop()} and {@link #restart()}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CLIENT_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_CLEANER_DEDUPE_BUFFER_BYTES = 8 * 1024 * 1024;

    private final Path logDirectory;
    private final Map<String, String> settings;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDirectory, Map<String, String> settings, String bootstrapServers) {
        this.logDirectory = logDirectory;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker on the given log directory, formatting it first if it holds no cluster yet, and returns once
     * clients can produce to it.
     *
     * @param port the client port, or 0 to pick a free one; either way it stays the same across restarts
     */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port) {
        int clientPort = port == 0 ? freePort() : port;
        // The quorum voters are static configuration rather than formatted into the log, so the controller may get
        // a different port on every JVM start.
        int controllerPort = freePort();
        String bootstrapServers = HOST + ":" + clientPort;
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDirectory,
                settings(logDirectory, clientPort, controllerPort), bootstrapServers);
        broker.formatIfNeeded();
        broker.startServer();
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down and waits for it; the data and the ports are kept for {@link #restart()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long stoppingAt = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        server = null;
        LOG.infof("Embedded Kafka stopped after %d ms", millisSince(stoppingAt));
    }

    /** Starts the broker again with the same configuration, data and ports. */
    public synchronized void restart() {
        if (server != null) {
            throw new IllegalStateException("Embedded Kafka is already running on " + bootstrapServers);
        }
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        long startingAt = System.nanoTime();
        // A fresh KafkaConfig per start: each one carries the dynamic-config state of the server built from it.
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(settings, false), Time.SYSTEM);
        starting.startup();
        server = starting;
        try {
            awaitReady();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.infof("Embedded Kafka ready on %s (logs in %s) after %d ms", bootstrapServers, logDirectory,
                millisSince(startingAt));
    }

    private void formatIfNeeded() {
        // meta.properties holds the cluster id; the Formatter refuses a directory formatted with a different one.
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDirectory.toString())
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create Kafka log directory " + logDirectory, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log directory " + logDirectory, e);
        }
        LOG.debug(output.toString(StandardCharsets.UTF_8).strip());
    }

    /** startup() returning does not prove that clients can produce yet, so ask the broker the way a client would. */
    private void awaitReady() {
        Map<String, Object> adminSettings = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(adminSettings)) {
            // Fenced brokers are left out of the answer, so finding this node means it accepts produce requests.
            Collection<Node> nodes = admin.describeCluster().nodes()
                    .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (nodes.stream().noneMatch(node -> node.id() == NODE_ID)) {
                throw new IllegalStateException("Embedded Kafka started but is not an active broker: " + nodes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for embedded Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Embedded Kafka did not become ready within " + READY_TIMEOUT, e);
        }
    }

    private static Map<String, String> settings(Path logDirectory, int clientPort, int controllerPort) {
        Map<String, String> settings = new HashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", String.valueOf(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        settings.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        settings.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort);
        settings.put("listener.security.protocol.map",
                CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", CLIENT_LISTENER);
        settings.put("log.dirs", logDirectory.toString());
        // A single node can hold only one replica of anything.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("min.insync.replicas", "1");
        // One broker gains nothing from the default 50 partitions, and creating them slows the first group join.
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("auto.create.topics.enable", "true");
        settings.put("num.partitions", "3");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner allocates its dedupe buffer (128 MB by default) on the heap it shares with the
        // service; the few compacted internal topics of one development node need a fraction of it.
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(LOG_CLEANER_DEDUPE_BUFFER_BYTES));
        return settings;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }
}
