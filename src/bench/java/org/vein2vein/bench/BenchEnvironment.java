package org.vein2vein.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.vein2vein.bench.infra.ChildProcess;
import org.vein2vein.bench.infra.Postgres15;
import org.vein2vein.bench.infra.ServiceUnderTest;
import org.vein2vein.bench.simulator.ServiceClient;
import org.vein2vein.bench.simulator.TokenMint;
import org.vein2vein.platform.embedded.DevSigningKeys;

/**
 * The benchmark's environment, left running for profiling and experiments: PostgreSQL 15, Kafka and
 * the packaged service, with 32 batches ready for EXPANDED steps. Writes {@code env.sh} (URL, token,
 * COIs, JDBC URL) to the work folder and runs until it is killed.
 */
public final class BenchEnvironment {

    private BenchEnvironment() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path work = Files.createTempDirectory("vein2vein-bench-env-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        int kafkaPort = ServiceUnderTest.freePort();
        try (Postgres15 postgres = Postgres15.start(work.resolve("postgres"), ServiceUnderTest.freePort());
                ChildProcess kafka = Benchmark.startKafka(work, kafkaPort, "kafka.log")) {
            TokenMint tokens = TokenMint.create(work.resolve("keys"));
            try (ServiceUnderTest service = ServiceUnderTest.start(settings.jar(), postgres.jdbcUrl(),
                    "127.0.0.1:" + kafkaPort, tokens.keys().publicKeyFile(), DevSigningKeys.ISSUER, work,
                    work.resolve("service.log"))) {
                String token = tokens.technicianAt(List.of(LoadBatches.COLLECTION, LoadBatches.MANUFACTURING));
                List<String> batches = new LoadBatches(new ServiceClient(service.url()), tokens, token).prepare(32);
                Files.writeString(work.resolve("env.sh"), String.join("\n", "URL=" + service.url(),
                        "TOKEN=" + token, "QA=" + tokens.qa(), "PID=" + service.process().pid(),
                        "JDBC=" + postgres.jdbcUrl(), "PGPORT=" + postgres.port(),
                        "COIS=\"" + String.join(" ", batches) + "\"", ""));
                Benchmark.log("Environment ready: source %s (Ctrl-C stops it)", work.resolve("env.sh"));
                Thread.currentThread().join();
            }
        }
    }
}
