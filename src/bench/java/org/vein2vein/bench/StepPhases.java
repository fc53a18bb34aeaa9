package org.vein2vein.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

import org.vein2vein.bench.infra.ChildProcess;
import org.vein2vein.bench.infra.Postgres15;
import org.vein2vein.bench.infra.ServiceUnderTest;
import org.vein2vein.bench.load.CustodyTopicWatch;
import org.vein2vein.bench.load.StepLoad;
import org.vein2vein.bench.simulator.ServiceClient;
import org.vein2vein.bench.simulator.TokenMint;
import org.vein2vein.bench.sql.CapturedStatement;
import org.vein2vein.bench.sql.StatementCapture;
import org.vein2vein.bench.sql.StatementReplay;

/**
 * Step logging: throughput at 8 and 32 clients beside the same SQL run directly, latency at 100
 * steps/s (open model) with the time from commit to Kafka, latency against load for the chart, and
 * the outbox drain after a Kafka outage.
 */
final class StepPhases implements AutoCloseable {

    /** A Kafka broker that was killed; {@link #restart()} starts it again on the same log. */
    interface KafkaOutage {
        ChildProcess restart();
    }

    private static final int MOST_CLIENTS = 32;
    private static final String TOPIC = "vein2vein.custody.v1";

    private final Settings settings;
    private final Postgres15 postgres;
    private final ServiceUnderTest service;
    private final ServiceClient api;
    private final Report report;
    private final String bootstrap;
    private final Supplier<KafkaOutage> killKafka;
    private final String token;
    private final LoadBatches loadBatches;
    private final AtomicLong maxResident = new AtomicLong();
    private ChildProcess restartedKafka;

    StepPhases(Settings settings, Postgres15 postgres, ServiceUnderTest service, ServiceClient api, TokenMint tokens,
            Report report, String bootstrap, Supplier<KafkaOutage> killKafka) {
        this.settings = settings;
        this.postgres = postgres;
        this.service = service;
        this.api = api;
        this.report = report;
        this.bootstrap = bootstrap;
        this.killKafka = killKafka;
        this.token = tokens.technicianAt(List.of(LoadBatches.COLLECTION, LoadBatches.MANUFACTURING));
        this.loadBatches = new LoadBatches(api, tokens, token);
    }

    void run() throws Exception {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rss-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> maxResident.accumulateAndGet(service.process().residentBytes(), Math::max),
                0, 200, TimeUnit.MILLISECONDS);
        try {
            List<String> apiBatches = loadBatches.prepare(MOST_CLIENTS);
            List<String> sqlBatches = loadBatches.prepare(MOST_CLIENTS);
            String captured = loadBatches.prepare(1).get(0);
            StepLoad load = new StepLoad(service.url(), token, LoadBatches.MANUFACTURING);
            List<CapturedStatement> statements = StatementCapture.capture(postgres,
                    () -> load.one(captured));
            Benchmark.log("One EXPANDED step issues %d statements:", statements.size());
            statements.forEach(statement -> Benchmark.log("  %s", statement.summary()));
            report.add("step logging", "statements per step (captured from PostgreSQL's log)", statements.size(), "");
            report.context("statementsPerStep", statements.stream().map(CapturedStatement::sql).toList());
            StatementReplay replay = new StatementReplay(statements, captured);
            double fastest = 0;
            for (int clients : new int[] { 8, MOST_CLIENTS }) {
                StepLoad.Result viaApi = load.closed(apiBatches, clients, settings.warmup(), settings.seconds());
                double direct = replay.run(postgres::connect, sqlBatches, clients, settings.warmup(), settings.seconds());
                Benchmark.log("%d clients: %.0f steps/s through the API (p99 %.1f ms, %d errors), %.0f transactions/s "
                        + "direct", clients, viaApi.perSecond(), viaApi.millis(99), viaApi.errors(), direct);
                String section = "step logging";
                report.add(section, clients + " clients: steps/s through the API", viaApi.perSecond(), "1/s");
                report.add(section, clients + " clients: same transaction, direct SQL", direct, "1/s");
                report.atLeast(section, clients + " clients: ratio API / direct SQL", viaApi.perSecond() / direct, "×",
                        0.6);
                report.add(section, clients + " clients: p50 latency", viaApi.millis(50), "ms");
                report.add(section, clients + " clients: p99", viaApi.millis(99), "ms");
                report.add(section, clients + " clients: max", viaApi.maxMillis(), "ms");
                report.add(section, clients + " clients: errors", viaApi.errors(), "");
                fastest = Math.max(fastest, viaApi.perSecond());
            }
            if (settings.runs("rate")) {
                fixedRate(load, apiBatches);
                sweep(load, apiBatches, fastest);
            }
            if (settings.runs("drain")) {
                drain(load, apiBatches);
            }
        } finally {
            sampler.shutdownNow();
        }
    }

    /** 100 steps/s, open model; each step's record is awaited on the topic. */
    private void fixedRate(StepLoad load, List<String> batches) throws InterruptedException {
        try (CustodyTopicWatch watch = new CustodyTopicWatch(bootstrap, TOPIC)) {
            load.open(batches, 100, settings.warmup(), null);
            Queue<StepLoad.Recorded> recorded = StepLoad.recordedQueue();
            StepLoad.Result result = load.open(batches, 100, settings.seconds().multipliedBy(2), recorded);
            Histogram toKafka = new Histogram(3);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<StepLoad.Recorded> waiting = new ArrayList<>(recorded);
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                waiting.removeIf(step -> {
                    Long seen = watch.seenAt(step.coi(), step.sequence());
                    if (seen != null) {
                        toKafka.recordValue(Math.max(0, seen - step.answeredAt()) / 1000);
                    }
                    return seen != null;
                });
                Thread.sleep(50);
            }
            String section = "100 steps/s";
            report.atMost(section, "p50 latency (open model)", result.millis(50), "ms", 20);
            report.atMost(section, "p99 latency (open model)", result.millis(99), "ms", 20);
            report.add(section, "max latency", result.maxMillis(), "ms");
            report.add(section, "errors", result.errors(), "");
            report.atMost(section, "commit → Kafka p50", toKafka.getValueAtPercentile(50) / 1000.0, "ms", 200);
            report.atMost(section, "commit → Kafka p99", toKafka.getValueAtPercentile(99) / 1000.0, "ms", 200);
            report.add(section, "records not seen on Kafka within 30 s", waiting.size(), "");
            report.point(new Report.LoadPoint(100, result.perSecond(), result.millis(50), result.millis(99),
                    result.maxMillis()));
        }
    }

    /** Latency at shares of the fastest closed-model rate, for the chart. */
    private void sweep(StepLoad load, List<String> batches, double fastest) {
        Duration each = settings.seconds().compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                : settings.seconds();
        for (double share : new double[] { 0.25, 0.5, 0.75, 0.9 }) {
            double rate = Math.max(10, Math.round(fastest * share));
            StepLoad.Result result = load.open(batches, rate, each, null);
            Benchmark.log("Open model at %.0f steps/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms", rate, result.millis(50),
                    result.millis(99), result.maxMillis());
            report.point(new Report.LoadPoint(rate, result.perSecond(), result.millis(50), result.millis(99),
                    result.maxMillis()));
        }
    }

    /** Steps logged while Kafka is down, then the rate at which the outbox publishes them once it is back. */
    private void drain(StepLoad load, List<String> batches) throws Exception {
        try (CustodyTopicWatch watch = new CustodyTopicWatch(bootstrap, TOPIC)) {
            KafkaOutage outage = killKafka.get();
            Queue<StepLoad.Recorded> logged = StepLoad.recordedQueue();
            StepLoad.Result backlog = load.backlog(batches, MOST_CLIENTS, settings.backlog(), logged);
            Benchmark.log("Kafka down: %d steps logged in %.1f s (%d errors)", backlog.steps(), backlog.seconds(),
                    backlog.errors());
            CustodyTopicWatch.Arrivals drained = watch.expect(logged);
            long restarted = System.nanoTime();
            restartedKafka = outage.restart();
            if (!drained.await(Duration.ofMinutes(5))) {
                Benchmark.log("Drain: %d of the backlog's %d records arrived in 5 minutes", drained.count(),
                        logged.size());
            }
            double seconds = (drained.lastNanos() - drained.firstNanos()) / 1e9;
            String section = "outbox drain";
            report.add(section, "backlog: steps logged while Kafka was down", backlog.steps(), "");
            report.atLeast(section, "drain rate, first to last record", seconds > 0 ? drained.count() / seconds : 0,
                    "1/s", 10_000);
            report.add(section, "from broker restart to last record", (drained.lastNanos() - restarted) / 1e9, "s");
            report.add(section, "backlog records delivered", drained.count(), "");
            report.atMost(section, "records out of ledger order per COI", watch.outOfOrder(), "", 0);
        }
    }

    long maxResidentBytes() {
        return maxResident.get();
    }

    @Override
    public void close() {
        if (restartedKafka != null) {
            restartedKafka.close();
        }
    }
}
