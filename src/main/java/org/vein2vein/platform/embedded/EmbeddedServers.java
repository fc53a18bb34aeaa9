package org.vein2vein.platform.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import org.jboss.logging.Logger;

/**
 * What one zero-setup start runs on a data folder: the folder's lock first, then the embedded
 * PostgreSQL and Kafka on their ports. Closing stops them and frees the folder.
 */
final class EmbeddedServers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedServers.class);

    private final Path dataDirectory;
    private final DataFolderLock lock;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;

    private EmbeddedServers(Path dataDirectory, DataFolderLock lock, EmbeddedPostgresServer postgres,
            EmbeddedKafkaBroker kafka) {
        this.dataDirectory = dataDirectory;
        this.lock = lock;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * Starts PostgreSQL and Kafka on the data folder, each only if given a port.
     *
     * @throws EmbeddedStartRefused when another vein2vein runs on the folder, or another process holds a port
     */
    static EmbeddedServers start(Path dataDirectory, OptionalInt postgresPort, OptionalInt kafkaPort) {
        DataFolderLock lock = DataFolderLock.acquire(dataDirectory);
        EmbeddedPostgresServer postgres = null;
        try {
            if (postgresPort.isPresent()) {
                EmbeddedPlatform.requireSupported();
                // Holding the folder, so a PostgreSQL still running on it belongs to no live vein2vein.
                EmbeddedPostgresServer.stopServerLeftRunning(postgresDirectory(dataDirectory));
                requireFreePort(postgresPort.getAsInt(), "PostgreSQL", EmbeddedMode.POSTGRES_PORT_VARIABLE,
                        dataDirectory);
            }
            if (kafkaPort.isPresent()) {
                requireFreePort(kafkaPort.getAsInt(), "Kafka", EmbeddedMode.KAFKA_PORT_VARIABLE, dataDirectory);
            }
            if (postgresPort.isPresent()) {
                postgres = EmbeddedPostgresServer.start(postgresDirectory(dataDirectory), postgresPort.getAsInt());
            }
            EmbeddedKafkaBroker kafka = kafkaPort.isPresent()
                    ? EmbeddedKafkaBroker.start(kafkaDirectory(dataDirectory), kafkaPort.getAsInt())
                    : null;
            return new EmbeddedServers(dataDirectory, lock, postgres, kafka);
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            closeQuietly(lock);
            throw e;
        }
    }

    Optional<EmbeddedPostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    Optional<EmbeddedKafkaBroker> kafka() {
        return Optional.ofNullable(kafka);
    }

    static Path postgresDirectory(Path dataDirectory) {
        return dataDirectory.resolve("postgres");
    }

    static Path kafkaDirectory(Path dataDirectory) {
        return dataDirectory.resolve("kafka");
    }

    /** Stops Kafka, then PostgreSQL (which the service also needs to finish), then frees the folder. */
    @Override
    public void close() {
        closeQuietly(kafka);
        closeQuietly(postgres);
        closeQuietly(lock);
        LOG.debugf("Embedded servers on %s stopped", dataDirectory);
    }

    /**
     * A busy port would otherwise show as a server that never becomes ready. Called while holding the data folder, so
     * whatever holds the port is not a vein2vein on this folder; what it is, the message does not guess.
     */
    private static void requireFreePort(int port, String server, String variable, Path dataDirectory) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // Bound, so free; closing the probe leaves it to the server.
        } catch (IOException e) {
            throw new EmbeddedStartRefused("Port " + port + " for the embedded " + server + " is in use by another "
                    + "process on this machine (not by a vein2vein on the data folder " + dataDirectory + ", which "
                    + "this one holds). Stop that process, or choose another port with " + variable + ".");
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warnf("Could not stop %s cleanly: %s", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }
}
