package org.vein2vein.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The benchmark's parameters, as {@code -Dbench.*} system properties (the Maven profile passes them on).
 *
 * @param jar      the packaged service
 * @param out      where results.json, results.csv and latency-against-load.png go
 * @param seconds  how long each load point is measured, after a warm-up
 * @param events   custody events seeded for the history queries (default 10,000,000)
 * @param backlog  steps logged while Kafka is down, for the outbox drain
 * @param phases   {@code all}, or some of {@code rate} (100 steps/s, commit to Kafka, the chart), {@code drain} and
 *                 {@code history}, comma-separated; start, simulator and step logging beside direct SQL always run
 */
record Settings(Path jar, Path out, Duration seconds, Duration warmup, long events, long backlog, String phases) {

    boolean runs(String phase) {
        return phases.equals("all") || java.util.Arrays.asList(phases.split(",")).contains(phase);
    }

    static Settings fromSystemProperties() {
        return new Settings(Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar")),
                Path.of(System.getProperty("bench.out", "target/benchmark")),
                Duration.ofSeconds(Long.getLong("bench.seconds", 15)),
                Duration.ofSeconds(Long.getLong("bench.warmup", 10)),
                Long.getLong("bench.events", 10_000_000),
                Long.getLong("bench.backlog", 20_000),
                System.getProperty("bench.phases", "all"));
    }
}
