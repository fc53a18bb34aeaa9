package org.vein2vein.platform.embedded;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

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
    /** Set when this JVM started the embedded PostgreSQL: its database is for trying and development only. */
    static final String EMBEDDED_DATABASE = "vein2vein.embedded.database";
    static final String DATA_DIR_VARIABLE = "VEIN2VEIN_DATA_DIR";
    static final String POSTGRES_PORT_VARIABLE = "VEIN2VEIN_EMBEDDED_POSTGRES_PORT";
    static final String KAFKA_PORT_VARIABLE = "VEIN2VEIN_EMBEDDED_KAFKA_PORT";
    static final String JDBC_URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";
    static final String KAFKA_SERVERS_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
    /**
     * The default ports lie below every common ephemeral range (Linux 32768-60999, macOS and Windows
     * 49152-65535), from which the system picks the local port of each outgoing connection: a port in
     * there may be taken at any moment by some client, established or in TIME_WAIT.
     */
    static final int DEFAULT_POSTGRES_PORT = 25432;
    /** Not 29092, which Kafka's own docker setups commonly publish on the host. */
    static final int DEFAULT_KAFKA_PORT = 29192;

    private EmbeddedMode() {
    }

    /**
     * Starts what is not configured. Configured means an environment variable or a system
     * property; the properties this method sets also count, so a second call in the same JVM
     * (as on every live reload of {@code quarkus:dev}) starts nothing again.
     *
     * @throws EmbeddedStartRefused when another vein2vein runs on the data folder, or another process holds a port
     */
    public static void startWhatIsNotConfigured() {
        Path dataDirectory = Path.of(setting("vein2vein.data-dir", DATA_DIR_VARIABLE).orElse("data"))
                .toAbsolutePath();
        OptionalInt postgresPort = setting(JDBC_URL, JDBC_URL_VARIABLE).isPresent()
                ? OptionalInt.empty()
                : OptionalInt.of(port("vein2vein.embedded.postgres-port", POSTGRES_PORT_VARIABLE,
                        DEFAULT_POSTGRES_PORT));
        OptionalInt kafkaPort = setting(BOOTSTRAP_SERVERS, KAFKA_SERVERS_VARIABLE).isPresent()
                ? OptionalInt.empty()
                : OptionalInt.of(port("vein2vein.embedded.kafka-port", KAFKA_PORT_VARIABLE, DEFAULT_KAFKA_PORT));
        if (postgresPort.isPresent() || kafkaPort.isPresent()) {
            EmbeddedServers servers = EmbeddedServers.start(dataDirectory, postgresPort, kafkaPort);
            // Closed only when the JVM exits: live reloads in dev mode keep the same servers.
            Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "embedded-infrastructure-shutdown"));
            servers.postgres().ifPresent(postgres -> {
                System.setProperty(JDBC_URL, postgres.jdbcUrl());
                System.setProperty("quarkus.datasource.username", postgres.username());
                System.setProperty("quarkus.datasource.password", postgres.password());
                System.setProperty(EMBEDDED_DATABASE, "true");
                LOG.warnf("EMBEDDED MODE: PostgreSQL started in this process at %s, data in %s. Not for production: "
                        + "set QUARKUS_DATASOURCE_JDBC_URL to use a real server.", postgres.jdbcUrl(),
                        EmbeddedServers.postgresDirectory(dataDirectory));
            });
            servers.kafka().ifPresent(kafka -> {
                System.setProperty(BOOTSTRAP_SERVERS, kafka.bootstrapServers());
                LOG.warnf("EMBEDDED MODE: Kafka broker started in this process at %s, data in %s. Not for production: "
                        + "set KAFKA_BOOTSTRAP_SERVERS to use a real cluster.", kafka.bootstrapServers(),
                        EmbeddedServers.kafkaDirectory(dataDirectory));
            });
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

    private static int port(String property, String environmentVariable, int defaultPort) {
        return Integer.parseInt(setting(property, environmentVariable).orElse(String.valueOf(defaultPort)).strip());
    }
}
