package org.vein2vein.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.vein2vein.bench.infra.ChildProcess;
import org.vein2vein.bench.infra.Postgres15;
import org.vein2vein.bench.infra.ServiceUnderTest;
import org.vein2vein.bench.simulator.Journey;
import org.vein2vein.bench.simulator.JourneySimulator;
import org.vein2vein.bench.simulator.ServiceClient;
import org.vein2vein.bench.simulator.SimulationSettings;
import org.vein2vein.bench.simulator.TokenMint;
import org.vein2vein.platform.embedded.DevSigningKeys;

/**
 * The benchmark (docs/benchmarks.md): starts PostgreSQL 15 and a Kafka broker as processes of their
 * own, then the packaged service against them, and measures, side by side on this machine, the
 * service against the same SQL run directly; prints each figure beside its target and writes
 * results.json, results.csv and latency-against-load.png. Bounded: a few minutes, plus the seed of
 * the history queries' events.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            log("%s", e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.exists(settings.jar())) {
            throw new IllegalStateException("No packaged service at " + settings.jar() + ": run ./mvnw package first");
        }
        Path work = Files.createTempDirectory("vein2vein-bench-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Report report = new Report();
        report.context("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB benchmark heap, " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version"));
        report.context("work", work.toString());
        log("Work folder %s", work);
        int kafkaPort = ServiceUnderTest.freePort();
        try (Postgres15 postgres = Postgres15.start(work.resolve("postgres"), ServiceUnderTest.freePort());
                ChildProcess kafka = startKafka(work, kafkaPort, "kafka.log")) {
            log("PostgreSQL 15 on port %d, Kafka on %d", postgres.port(), kafkaPort);
            TokenMint tokens = TokenMint.create(work.resolve("keys"));
            String bootstrap = "127.0.0.1:" + kafkaPort;
            List<Long> starts = new java.util.ArrayList<>();
            for (int start = 0; start < 4; start++) {
                try (ServiceUnderTest service = ServiceUnderTest.start(settings.jar(), postgres.jdbcUrl(), bootstrap,
                        tokens.keys().publicKeyFile(), DevSigningKeys.ISSUER, work,
                        work.resolve("service-start-" + start + ".log"))) {
                    starts.add(service.startToReady().toMillis());
                }
            }
            log("Start to ready: %d ms migrating an empty database, then %s ms", starts.get(0), starts.subList(1, 4));
            report.add("footprint", "first start to ready, migrating an empty database", starts.get(0), "ms");
            report.atMost("footprint", "start to ready, infrastructure up (median of 3)",
                    starts.subList(1, 4).stream().sorted().toList().get(1), "ms", 2000);
            try (ServiceUnderTest service = ServiceUnderTest.start(settings.jar(), postgres.jdbcUrl(), bootstrap,
                    tokens.keys().publicKeyFile(), DevSigningKeys.ISSUER, work, work.resolve("service.log"))) {
                log("Service ready in %d ms (pid %d)", service.startToReady().toMillis(), service.process().pid());
                report.context("service", "packaged jar, JVM options: '" + ServiceUnderTest.jvmOptions() + "'");
                List<Journey.Outcome> journeys = conformance(service, tokens, report);
                ServiceClient api = new ServiceClient(service.url());
                try (StepPhases steps = new StepPhases(settings, postgres, service, api, tokens, report, bootstrap,
                        () -> restartKafkaAfterKill(work, kafkaPort, kafka))) {
                    steps.run();
                    report.atMost("footprint", "resident memory under load (max)", steps.maxResidentBytes() / 1e6,
                            "MB", 300);
                    if (settings.runs("ingest")) {
                        new IngestPhase(settings, api, service.url(), tokens, report, tokens.technicianAt(List.of(
                                LoadBatches.COLLECTION, LoadBatches.MANUFACTURING))).run();
                    }
                    if (settings.runs("history")) {
                        new HistoryPhase(settings, postgres, api, tokens, report).run(journeys);
                    }
                }
            }
        } finally {
            report.print();
            report.write(settings.out());
            log("Figures in %s (results.json, results.csv, latency-against-load.png)", settings.out().toAbsolutePath());
        }
        if (Boolean.getBoolean("bench.keep")) {
            log("Work folder kept: %s", work);
        } else {
            deleteFolder(work);
        }
        System.exit(0);
    }

    /** Simulated journeys with failures: each must end where its scenario says, with a ledger that verifies. */
    private static List<Journey.Outcome> conformance(ServiceUnderTest service, TokenMint tokens, Report report)
            throws Exception {
        SimulationSettings simulation = SimulationSettings.from(new String[] { "--url=" + service.url(),
                "--journeys=30", "--concurrency=4", "--seed=7", "--identity-mismatch=0.07", "--qc-out-of-spec=0.07",
                "--missed-window=0.07", "--wrong-patient=0.07", "--unsafe-moves=0.2" });
        long start = System.nanoTime();
        List<Journey.Outcome> outcomes = new JourneySimulator(simulation, tokens).run(false);
        long conformant = outcomes.stream().filter(Journey.Outcome::conformant).count();
        int refused = JourneySimulator.unsafeMovesRefused(outcomes).values().stream().mapToInt(Integer::intValue).sum();
        outcomes.stream().filter(outcome -> !outcome.conformant()).limit(5).forEach(outcome -> log(
                "NOT CONFORMANT %s %s: %s", outcome.scenario().name(), outcome.coi(), outcome.deviations()));
        log("Simulator: %d of %d journeys conformant in %.1f s; %d unsafe moves refused as expected: %s", conformant,
                outcomes.size(), (System.nanoTime() - start) / 1e9, refused,
                JourneySimulator.unsafeMovesRefused(outcomes));
        report.atLeast("simulator", "journeys ending as their scenario expects (%)",
                100.0 * conformant / outcomes.size(), "%", 100);
        report.add("simulator", "unsafe moves refused as expected", refused, "");
        return outcomes;
    }

    static ChildProcess startKafka(Path work, int port, String log) {
        return ChildProcess.java("org.vein2vein.bench.infra.KafkaBrokerMain", List.of("-Xmx512m"),
                List.of(work.resolve("kafka").toString(), Integer.toString(port)), work.resolve(log),
                line -> line.startsWith("READY")).awaitReady(Duration.ofSeconds(90), "Kafka");
    }

    private static final AtomicLong RESTARTS = new AtomicLong();

    /** Kills the broker (as a crash would), and gives back a way to start it again on the same log. */
    private static StepPhases.KafkaOutage restartKafkaAfterKill(Path work, int port, ChildProcess kafka) {
        kafka.kill();
        return () -> startKafka(work, port, "kafka-restart-" + RESTARTS.incrementAndGet() + ".log");
    }

    /** The work folder goes (its database is gigabytes after the seed), unless -Dbench.keep=true. */
    private static void deleteFolder(Path folder) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
