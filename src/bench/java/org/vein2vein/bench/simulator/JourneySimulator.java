package org.vein2vein.bench.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.vein2vein.bench.simulator.Scenario.UnsafeMove;
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
    static final String APHERESIS_CENTRE = "SITE-MILA-04";
    private static final List<Map<String, Object>> EXTRA_SITES = List.of(
            StageDataFactory.map("code", "SITE-MADR-03", "name", "Simulated hospital, Madrid", "kind", "TREATMENT",
                    "organisation", "HOSP-MADR"),
            StageDataFactory.map("code", "SITE-MILA-04", "name", "Simulated apheresis centre, Milan", "kind",
                    "COLLECTION", "organisation", "APH-MILA"),
            StageDataFactory.map("code", "MFG-LEID-02", "name", "Simulated cell therapy manufacturing, Leiden",
                    "kind", "MANUFACTURING", "organisation", "MFG-LEID"));
    /** The simulator's fleet, beside the demo shippers: qualified, each long enough for its transports. */
    private static final List<Map<String, Object>> EXTRA_SHIPPERS = List.of(
            shipper("DS-SIM-0101", "DRY_SHIPPER", "P10D"), shipper("DS-SIM-0102", "DRY_SHIPPER", "P10D"),
            shipper("DS-SIM-0103", "DRY_SHIPPER", "P14D"), shipper("CB-SIM-0201", "COLD_BOX_2_8_C", "P2D"),
            shipper("CB-SIM-0202", "COLD_BOX_2_8_C", "P3D"));
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
        Set<UnsafeMove> unsafe = EnumSet.noneOf(UnsafeMove.class);
        for (UnsafeMove move : UnsafeMove.values()) {
            if (random.nextDouble() < settings.unsafeMoves()) {
                unsafe.add(move);
            }
        }
        double roll = random.nextDouble();
        double[] rates = { settings.identityMismatch(), settings.qcOutOfSpec(), settings.missedWindow(),
                settings.wrongPatient() };
        Failure[] failures = { Failure.IDENTITY_MISMATCH_AT_RECEIPT, Failure.QC_OUT_OF_SPEC,
                Failure.MISSED_PACKING_WINDOW, Failure.WRONG_PATIENT };
        for (int i = 0; i < rates.length; i++) {
            if (roll < rates[i]) {
                return new Scenario(type, failures[i], unsafe);
            }
            roll -= rates[i];
        }
        return new Scenario(type, Failure.NONE, unsafe);
    }

    private static Journey.Sites sitesFor(Scenario scenario, RandomGenerator random) {
        String manufacturer = MANUFACTURERS.get(random.nextInt(MANUFACTURERS.size()));
        if (scenario.type() == BatchType.AUTOLOGOUS) {
            String hospital = HOSPITALS.get(random.nextInt(HOSPITALS.size()));
            // One patient in four gives at the apheresis centre, and is treated at the hospital.
            String collection = random.nextInt(4) == 0 ? APHERESIS_CENTRE : hospital;
            return new Journey.Sites(collection, manufacturer, List.of(hospital));
        }
        return new Journey.Sites(DONOR_CENTRES.get(random.nextInt(DONOR_CENTRES.size())), manufacturer, HOSPITALS);
    }

    /** Registers the simulator's extra sites and shippers; one already there answers 409, which is fine. */
    private void registerSites() {
        String admin = tokens.admin();
        for (Map<String, Object> site : EXTRA_SITES) {
            register("/api/v1/sites", admin, site, "site " + site.get("code"));
        }
        for (Map<String, Object> shipper : EXTRA_SHIPPERS) {
            register("/api/v1/shippers", admin, shipper, "shipper " + shipper.get("id"));
        }
    }

    private void register(String path, String admin, Map<String, Object> body, String what) {
        ServiceClient.Answer answer = api.post(path, admin, body);
        if (answer.status() != 201 && answer.status() != 409) {
            throw new IllegalStateException(what + " answered " + answer.status() + " " + answer.body());
        }
    }

    private static Map<String, Object> shipper(String id, String type, String holdTime) {
        return StageDataFactory.map("id", id, "type", type, "qualifiedUntil", "2099-12-31T00:00:00Z",
                "validatedHoldTime", holdTime);
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
        Map<UnsafeMove, Integer> refused = unsafeMovesRefused(outcomes);
        System.out.printf("Unsafe moves refused as expected: %d (%s)%n", refused.values().stream()
                .mapToInt(Integer::intValue).sum(), refused.entrySet().stream().map(entry -> entry.getKey().name()
                        .toLowerCase() + " " + entry.getValue()).collect(java.util.stream.Collectors.joining(", ")));
        outcomes.stream().filter(outcome -> !outcome.conformant()).limit(10).forEach(outcome -> System.out.printf(
                "NOT CONFORMANT %s %s: %s%n", outcome.scenario().name(), outcome.coi(), outcome.deviations()));
    }

    /** How many of each unsafe move the journeys attempted and saw refused as expected. */
    public static Map<UnsafeMove, Integer> unsafeMovesRefused(List<Journey.Outcome> outcomes) {
        Map<UnsafeMove, Integer> refused = new EnumMap<>(UnsafeMove.class);
        for (UnsafeMove move : UnsafeMove.values()) {
            refused.put(move, 0);
        }
        outcomes.forEach(outcome -> outcome.refusedAsExpected().forEach(move -> refused.merge(move, 1, Integer::sum)));
        return refused;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "simulator");
            thread.setDaemon(true);
            return thread;
        };
    }
}
