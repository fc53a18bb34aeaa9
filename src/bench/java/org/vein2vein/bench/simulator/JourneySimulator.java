package org.vein2vein.bench.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.vein2vein.bench.simulator.Scenario.Failure;
import org.vein2vein.kernel.BatchType;

/**
 * Synthetic, realistic traffic through the public API: autologous and allogeneic journeys across
 * several sites and couriers, with failures at the configured rates, each checked against where its
 * scenario must end and with a ledger that verifies (conformance). Fills a zero-setup instance with
 * demo data, or drives load. See docs/benchmarks.md, "The journey simulator".
 */
public final class JourneySimulator {

    /** The sites journeys happen at: the demo sites, and three more the simulator registers. */
    static final List<String> HOSPITALS = List.of("SITE-LYON-01", "SITE-BRUX-02", "SITE-MADR-03");
    static final List<String> DONOR_CENTRES = List.of("SITE-MILA-04", "SITE-LYON-01");
    static final List<String> MANUFACTURERS = List.of("MFG-GENT-01", "MFG-LEID-02");
    private static final List<Map<String, Object>> EXTRA_SITES = List.of(
            StageDataFactory.map("code", "SITE-MADR-03", "name", "Simulated hospital, Madrid", "kind", "TREATMENT",
                    "organisation", "HOSP-MADR"),
            StageDataFactory.map("code", "SITE-MILA-04", "name", "Simulated apheresis centre, Milan", "kind",
                    "COLLECTION", "organisation", "APH-MILA"),
            StageDataFactory.map("code", "MFG-LEID-02", "name", "Simulated cell therapy manufacturing, Leiden",
                    "kind", "MANUFACTURING", "organisation", "MFG-LEID"));

    private final SimulationSettings settings;
    private final ServiceClient api;
    private final TokenMint tokens;

    public JourneySimulator(SimulationSettings settings, TokenMint tokens) {
        this.settings = settings;
        this.api = new ServiceClient(settings.url());
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        SimulationSettings settings = SimulationSettings.from(args);
        List<Journey.Outcome> outcomes = new JourneySimulator(settings, TokenMint.of(settings.keys())).run(true);
        System.exit(outcomes.stream().allMatch(Journey.Outcome::conformant) ? 0 : 1);
    }

    /** Runs the journeys, a line of progress every five seconds, and prints a summary when {@code report}. */
    public List<Journey.Outcome> run(boolean report) throws Exception {
        registerSites();
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < settings.journeys(); i++) {
            scenarios.add(draw(seeds));
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(daemon());
        if (report) {
            System.out.printf("Simulating %d journeys against %s, %d at a time (seed %d)%n", settings.journeys(),
                    settings.url(), settings.concurrency(), settings.seed());
            progress.scheduleAtFixedRate(() -> System.out.printf("[%3d s] %d/%d journeys, %d requests, %d not "
                    + "conformant%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), done.get(),
                    settings.journeys(), requests.get(), failed.get()), 5, 5, TimeUnit.SECONDS);
        }
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(), daemon());
        List<Future<Journey.Outcome>> running = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            RandomGenerator random = seeds.split();
            running.add(workers.submit(() -> {
                Journey.Outcome outcome = new Journey(scenario, sitesFor(scenario, random), api, tokens, random)
                        .run();
                done.incrementAndGet();
                requests.addAndGet(outcome.requests());
                if (!outcome.conformant()) {
                    failed.incrementAndGet();
                }
                return outcome;
            }));
        }
        List<Journey.Outcome> outcomes = new ArrayList<>();
        for (Future<Journey.Outcome> outcome : running) {
            outcomes.add(outcome.get());
        }
        workers.shutdown();
        progress.shutdownNow();
        if (report) {
            summarise(outcomes, (System.nanoTime() - start) / 1e9);
        }
        return outcomes;
    }

    private Scenario draw(SplittableRandom random) {
        BatchType type = random.nextDouble() < settings.allogeneic() ? BatchType.ALLOGENEIC : BatchType.AUTOLOGOUS;
        double roll = random.nextDouble();
        double[] rates = { settings.identityMismatch(), settings.qcOutOfSpec(), settings.missedWindow(),
                settings.wrongPatient() };
        Failure[] failures = { Failure.IDENTITY_MISMATCH_AT_RECEIPT, Failure.QC_OUT_OF_SPEC,
                Failure.MISSED_PACKING_WINDOW, Failure.WRONG_PATIENT };
        for (int i = 0; i < rates.length; i++) {
            if (roll < rates[i]) {
                return new Scenario(type, failures[i]);
            }
            roll -= rates[i];
        }
        return new Scenario(type, Failure.NONE);
    }

    private static Journey.Sites sitesFor(Scenario scenario, RandomGenerator random) {
        String manufacturer = MANUFACTURERS.get(random.nextInt(MANUFACTURERS.size()));
        if (scenario.type() == BatchType.AUTOLOGOUS) {
            String hospital = HOSPITALS.get(random.nextInt(HOSPITALS.size()));
            return new Journey.Sites(hospital, manufacturer, List.of(hospital));
        }
        return new Journey.Sites(DONOR_CENTRES.get(random.nextInt(DONOR_CENTRES.size())), manufacturer, HOSPITALS);
    }

    /** Registers the simulator's extra sites; one already there answers 409, which is fine. */
    private void registerSites() {
        String admin = tokens.admin();
        for (Map<String, Object> site : EXTRA_SITES) {
            ServiceClient.Answer answer = api.post("/api/v1/sites", admin, site);
            if (answer.status() != 201 && answer.status() != 409) {
                throw new IllegalStateException("site " + site.get("code") + " answered " + answer.status() + " "
                        + answer.body());
            }
        }
    }

    private static void summarise(List<Journey.Outcome> outcomes, double seconds) {
        Map<String, int[]> byScenario = new TreeMap<>();
        int requests = 0;
        for (Journey.Outcome outcome : outcomes) {
            int[] counts = byScenario.computeIfAbsent(outcome.scenario().name(), name -> new int[2]);
            counts[outcome.conformant() ? 0 : 1]++;
            requests += outcome.requests();
        }
        System.out.printf("%nScenario                                 conformant  not conformant%n");
        byScenario.forEach((name, counts) -> System.out.printf("%-40s %10d  %14d%n", name, counts[0], counts[1]));
        System.out.printf("%d journeys, %d requests in %.1f s%n", outcomes.size(), requests, seconds);
        outcomes.stream().filter(outcome -> !outcome.conformant()).limit(10).forEach(outcome -> System.out.printf(
                "NOT CONFORMANT %s %s: %s%n", outcome.scenario().name(), outcome.coi(), outcome.deviations()));
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "simulator");
            thread.setDaemon(true);
            return thread;
        };
    }
}
