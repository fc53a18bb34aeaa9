package org.vein2vein.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's parameters, as {@code -Dbench.*} system properties (the Maven profile passes them on).
 *
 * @param jar      the packaged service
 * @param out      where results.json, results.csv and latency-against-load.png go
 * @param seconds  how long each load point is measured, after a warm-up
 * @param events   custody events seeded for the history queries (default 10,000,000)
 * @param backlog  steps logged while Kafka is down, for the outbox drain
 * @param ingestReadings temperature readings per upload in the ingest phase (default 10,000, the most the API takes)
 * @param phases   {@code all}, or some of {@code steps} (start, simulator and step logging beside direct SQL, which
 *                 always run), {@code rate} (100 steps/s, commit to Kafka, the chart), {@code drain},
 *                 {@code ingest} (temperature readings) and {@code history}
 */
record Settings(Path jar, Path out, Duration seconds, Duration warmup, long events, long backlog, int ingestReadings,
        Set<String> phases) {

    static final Set<String> PHASES = Set.of("all", "steps", "rate", "drain", "ingest", "history");

    Settings {
        // A mistyped phase must stop the run, not skip the phase.
        Set<String> unknown = phases.stream().filter(phase -> !PHASES.contains(phase)).collect(Collectors.toSet());
        if (phases.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("-Dbench.phases: " + (phases.isEmpty() ? "no phase given"
                    : "no phase named " + String.join(" or ", unknown))
                    + "; give all, or some of steps, rate, drain, ingest, history, comma-separated");
        }
        if (ingestReadings < 1 || ingestReadings > 10_000) {
            throw new IllegalArgumentException("-Dbench.ingest-readings: from 1 to 10000 readings per request, not "
                    + ingestReadings);
        }
    }

    boolean runs(String phase) {
        return phases.contains("all") || phases.contains(phase);
    }

    static Settings fromSystemProperties() {
        return new Settings(Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar")),
                Path.of(System.getProperty("bench.out", "target/benchmark")),
                Duration.ofSeconds(Long.getLong("bench.seconds", 15)),
                Duration.ofSeconds(Long.getLong("bench.warmup", 10)),
                Long.getLong("bench.events", 10_000_000),
                Long.getLong("bench.backlog", 20_000),
                Integer.getInteger("bench.ingest-readings", 10_000),
                Arrays.stream(System.getProperty("bench.phases", "all").split(",")).map(String::trim)
                        .filter(phase -> !phase.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }
}
