package org.vein2vein.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

import org.HdrHistogram.Histogram;

import org.vein2vein.bench.history.HistorySeed;
import org.vein2vein.bench.history.LedgerTemplates;
import org.vein2vein.bench.infra.Postgres15;
import org.vein2vein.bench.simulator.Journey;
import org.vein2vein.bench.simulator.ServiceClient;
import org.vein2vein.bench.simulator.TokenMint;

/**
 * History queries on a database seeded with {@code bench.events} custody events: one batch's
 * history with its verification, and a donor recall, each by QA through the API, one at a time.
 */
final class HistoryPhase {

    private final Settings settings;
    private final Postgres15 postgres;
    private final ServiceClient api;
    private final TokenMint tokens;
    private final Report report;

    HistoryPhase(Settings settings, Postgres15 postgres, ServiceClient api, TokenMint tokens, Report report) {
        this.settings = settings;
        this.postgres = postgres;
        this.api = api;
        this.tokens = tokens;
        this.report = report;
    }

    void run(List<Journey.Outcome> journeys) throws Exception {
        String qa = tokens.qa();
        HistorySeed seed = LedgerTemplates.from(api, qa, journeys, postgres);
        long start = System.nanoTime();
        long[] chunks = { 0 };
        HistorySeed.Seeded seeded = seed.seed(settings.events(), () -> {
            if (++chunks[0] % 25 == 0) {
                Benchmark.log("Seeding: %d chunks in %.0f s", chunks[0], (System.nanoTime() - start) / 1e9);
            }
        });
        Benchmark.log("Seeded %d events of %d batches in %.0f s (COPY, indexes built after)", seeded.events(),
                seeded.batches(), seeded.seconds());
        String section = "history";
        report.add(section, "custody events seeded (COPY)", seeded.events(), "");
        report.add(section, "seed time, indexes and ANALYZE included", seeded.seconds(), "s");
        // A history read counts only when its ledger verifies; a missing verification is not intact.
        measure(section, "one batch's history with verification", 10, seeded.cois(),
                coi -> "/api/v1/batches/" + coi + "/custody", qa,
                answer -> answer.body().path("verification").path("intact").asBoolean(false));
        measure(section, "donor recall", 50, seeded.donors(), donor -> "/api/v1/donors/" + donor + "/recipients", qa,
                answer -> true);
    }

    /**
     * One client, random picks, for the warm-up and then the measured time: p50 and p99 of the good
     * reads against {@code targetMillis}, and the failed or unverified reads (warm-up included) against 0.
     */
    private void measure(String section, String name, double targetMillis, List<String> picks,
            Function<String, String> path, String token, Predicate<ServiceClient.Answer> good) {
        if (picks.isEmpty()) {
            Benchmark.log("%s not measured: the seed has none (too few -Dbench.events)", name);
            return;
        }
        SplittableRandom random = new SplittableRandom(11);
        Histogram latencies = new Histogram(3);
        List<Integer> failures = new ArrayList<>();
        long measureFrom = System.nanoTime() + settings.warmup().toNanos();
        long end = measureFrom + settings.seconds().toNanos();
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            ServiceClient.Answer answer = api.get(path.apply(picks.get(random.nextInt(picks.size()))), token);
            long done = System.nanoTime();
            if (!answer.ok() || !good.test(answer)) {
                failures.add(answer.status());
            } else if (now >= measureFrom) {
                latencies.recordValue((done - now) / 1000);
            }
        }
        if (!failures.isEmpty()) {
            Benchmark.log("%d reads of %s failed or did not verify; statuses: %s", failures.size(), name,
                    failures.subList(0, Math.min(5, failures.size())));
        }
        Benchmark.log("%s: %d reads, p50 %.2f ms, p99 %.2f ms", path.apply("…"), latencies.getTotalCount(),
                latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(99) / 1000.0);
        report.atMost(section, name + ", p50", latencies.getValueAtPercentile(50) / 1000.0, "ms", targetMillis);
        report.atMost(section, name + ", p99", latencies.getValueAtPercentile(99) / 1000.0, "ms", targetMillis);
        report.atMost(section, name + ", failed reads", failures.size(), "", 0);
    }
}
