package org.vein2vein.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.vein2vein.platform.embedded.DevSigningKeys;
import org.vein2vein.platform.embedded.EmbeddedKafkaBroker;
import org.vein2vein.platform.embedded.EmbeddedPostgresServer;

/**
 * A real PostgreSQL server and a real Kafka broker for the test run, started once and shared by
 * every {@code @QuarkusTest}. Tests reach the broker through {@link #kafka()}, and the database server through
 * {@link #postgres()}, to stop and restart them.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;
    private static DevSigningKeys signingKeys;
    private static Path dataDirectory;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("vein2vein-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), 0);
        kafka = EmbeddedKafkaBroker.start(dataDirectory.resolve("kafka"), 0);
        signingKeys = DevSigningKeys.loadOrCreate(dataDirectory.resolve("keys"));
        return Map.of(
                "mp.jwt.verify.publickey.location", signingKeys.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", DevSigningKeys.ISSUER,
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                // Kafka outages in tests last seconds: retry often, give up on a send quickly.
                "vein2vein.outbox.max-backoff", "PT1S",
                "vein2vein.outbox.delivery-timeout", "PT5S",
                "vein2vein.outbox.max-block", "PT1S",
                "vein2vein.outbox.poll-interval", "PT0.2S");
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    public static EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public static EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** Where the test run's signing keys are kept. */
    public static Path signingKeyDirectory() {
        return dataDirectory.resolve("keys");
    }

    /** Signs the tests' tokens with the key the service trusts. */
    public static DevSigningKeys signingKeys() {
        return signingKeys;
    }

    public static String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public static String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}
