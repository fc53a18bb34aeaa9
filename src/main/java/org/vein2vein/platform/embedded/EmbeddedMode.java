package org.vein2vein.platform.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Zero-setup mode: when no PostgreSQL or Kafka connection is configured, start a real PostgreSQL
 * server and a real single-node Kafka broker inside this JVM and point the service at them.
 * Their data lives under the data folder ({@code VEIN2VEIN_DATA_DIR}, default {@code ./data}) and
 * survives restarts; delete the folder to start fresh. This is for trying the service and for
 * development, never for production.
 */
public final class EmbeddedMode {

    private static final Logger LOG = Logger.getLogger(EmbeddedMode.class);
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    /** Set when this JVM verifies tokens with dev keys; read again after every live reload. */
    static final String DEV_KEY_DIRECTORY = "vein2vein.embedded.dev-key-directory";

    private EmbeddedMode() {
    }

    /**
     * Starts what is not configured. Configured means an environment variable or a system
     * property; the properties this method sets also count, so a second call in the same JVM
     * (as on every live reload of {@code quarkus:dev}) starts nothing again.
     */
    public static void startWhatIsNotConfigured() {
        Path dataDirectory = Path.of(setting("vein2vein.data-dir", "VEIN2VEIN_DATA_DIR").orElse("data"))
                .toAbsolutePath();
        List<AutoCloseable> started = new ArrayList<>();
        if (setting(JDBC_URL, "QUARKUS_DATASOURCE_JDBC_URL").isEmpty()) {
            int port = Integer.parseInt(setting("vein2vein.embedded.postgres-port", "VEIN2VEIN_EMBEDDED_POSTGRES_PORT")
                    .orElse("55432"));
            requireFreePort(port, "PostgreSQL", "VEIN2VEIN_EMBEDDED_POSTGRES_PORT");
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), port);
            System.setProperty(JDBC_URL, postgres.jdbcUrl());
            System.setProperty("quarkus.datasource.username", postgres.username());
            System.setProperty("quarkus.datasource.password", postgres.password());
            started.add(0, postgres);
            LOG.warnf("EMBEDDED MODE: PostgreSQL started in this process at %s, data in %s. Not for production: "
                    + "set QUARKUS_DATASOURCE_JDBC_URL to use a real server.", postgres.jdbcUrl(),
                    dataDirectory.resolve("postgres"));
        }
        if (setting(BOOTSTRAP_SERVERS, "KAFKA_BOOTSTRAP_SERVERS").isEmpty()) {
            int port = Integer.parseInt(setting("vein2vein.embedded.kafka-port", "VEIN2VEIN_EMBEDDED_KAFKA_PORT")
                    .orElse("59092"));
            requireFreePort(port, "Kafka", "VEIN2VEIN_EMBEDDED_KAFKA_PORT");
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDirectory.resolve("kafka"), port);
            System.setProperty(BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            started.add(0, kafka);
            LOG.warnf("EMBEDDED MODE: Kafka broker started in this process at %s, data in %s. Not for production: "
                    + "set KAFKA_BOOTSTRAP_SERVERS to use a real cluster.", kafka.bootstrapServers(),
                    dataDirectory.resolve("kafka"));
        }
        if (setting(PUBLIC_KEY_LOCATION, "MP_JWT_VERIFY_PUBLICKEY_LOCATION").isEmpty()) {
            Path keyDirectory = dataDirectory.resolve("keys");
            DevSigningKeys keys = DevSigningKeys.loadOrCreate(keyDirectory);
            System.setProperty(PUBLIC_KEY_LOCATION, keys.publicKeyFile().toUri().toString());
            System.setProperty("mp.jwt.verify.issuer", DevSigningKeys.ISSUER);
            System.setProperty(DEV_KEY_DIRECTORY, keyDirectory.toString());
            LOG.warnf("EMBEDDED MODE: tokens are verified with a dev key pair in %s; get tokens for each role from "
                    + "GET /dev/tokens (this machine only). Not for production: set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                    + "and MP_JWT_VERIFY_ISSUER to trust a real identity provider.", keyDirectory);
        }
        if (!started.isEmpty()) {
            // Closed only when the JVM exits: live reloads in dev mode keep the same servers.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(EmbeddedMode::closeQuietly),
                    "embedded-infrastructure-shutdown"));
        }
    }

    /** The dev keys, when this JVM verifies tokens with them; null otherwise. */
    static DevSigningKeys devSigningKeys() {
        String directory = System.getProperty(DEV_KEY_DIRECTORY);
        return directory == null ? null : DevSigningKeys.loadOrCreate(Path.of(directory));
    }

    private static Optional<String> setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** A busy port would otherwise show as a server that never becomes ready. */
    private static void requireFreePort(int port, String server, String variable) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for the embedded " + server + " is in use: is another "
                    + "vein2vein running? Stop it, or choose another port with " + variable + ".", e);
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warnf("Could not stop %s cleanly: %s", server.getClass().getSimpleName(), e.getMessage());
        }
    }
}
