package org.vein2vein.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.HdrHistogram.Recorder;

import org.vein2vein.bench.simulator.ServiceClient;
import org.vein2vein.bench.simulator.TokenMint;

/**
 * Temperature ingest: loggers' readings uploaded to packed shipments through
 * {@code POST /api/v1/shipments/{id}/temperature-readings}, up to {@code bench.ingest-readings} readings
 * per request (default 10,000), by 1, 4 and 8 concurrent clients (closed model), each client on a
 * shipment of its own; then the same uploads again (a logger resending what it sent), which the
 * service must take as duplicates and store nothing of.
 * <p>
 * The shipments carry collected material to manufacturing, packed and picked up by the courier, whose
 * logistics user uploads. Every reading is one the service keeps and judges: dated within the
 * shipment's transit (after packing and after the stabilisation period, not in the future), in strict
 * time order, to the millisecond, within the shipment's class (2–8 °C) so that no excursion is found.
 * Each request is a new logger's series (a logger id of its own): readings 1 ms apart, so that a series
 * of 10,000 spans 10 s of the time the shipment has travelled.
 */
final class IngestPhase {

    static final int[] CLIENTS = { 1, 4, 8 };
    private static final double TARGET_PER_SECOND = 50_000;
    private static final String SECTION = "temperature ingest";
    /** After packing, readings are judged once the shipper had time to reach its temperature. */
    private static final Duration AFTER_PACKING = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one upload came to: its status, and the counts its answer gives (-1 where it gives none). */
    record Upload(int status, long stored, long duplicates) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A measured run of uploads. */
    record Result(double readingsPerSecond, double p50Millis, double p99Millis, double maxMillis, long requests,
            long errors, long stored, long duplicates, boolean countsGiven) {
    }

    /** A logger's series on a shipment: the same readings for every logger of the shipment. */
    private record Series(String shipmentId, byte[] readings) {
    }

    /** An upload sent and accepted: which shipment and logger, so that it can be sent again. */
    private record Sent(int shipment, String loggerId) {
    }

    private final Settings settings;
    private final ServiceClient api;
    private final String url;
    private final TokenMint tokens;
    private final Report report;
    private final String technician;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong loggers = new AtomicLong();
    /** The first failed upload's status and answer (or exception), for the log. */
    private final java.util.concurrent.atomic.AtomicReference<String> firstFailure =
            new java.util.concurrent.atomic.AtomicReference<>();
    private List<Series> series;
    private int perRequest;

    IngestPhase(Settings settings, ServiceClient api, String url, TokenMint tokens, Report report, String technician) {
        this.settings = settings;
        this.api = api;
        this.url = url;
        this.tokens = tokens;
        this.report = report;
        this.technician = technician;
    }

    void run() throws Exception {
        int most = CLIENTS[CLIENTS.length - 1];
        List<LoadBatches.Collected> shipments = new LoadBatches(api, tokens, technician).collectedAndPickedUp(most);
        perRequest = settings.ingestReadings();
        series = series(shipments, perRequest);
        awaitReadingsInThePast(shipments, perRequest);
        String courier = tokens.logistics(LoadBatches.COURIER);
        // One upload first: the endpoint is there and takes a request of this size, or the phase says why not.
        Upload first = upload(courier, 0, nextLogger("P"));
        while (first.status() == 413 && perRequest > 1_000) {
            Benchmark.log("Ingest: %d readings in one request answered 413 (the body limit); trying %d", perRequest,
                    perRequest / 2);
            perRequest /= 2;
            series = series(shipments, perRequest);
            first = upload(courier, 0, nextLogger("P"));
        }
        if (!first.ok()) {
            Benchmark.log("Ingest not measured: POST /api/v1/shipments/{id}/temperature-readings answered %d",
                    first.status());
            report.context("temperatureIngest", "not measured: the first upload answered " + first.status());
            report.add(SECTION, "not measured: status of the first upload", first.status(), "");
            return;
        }
        Benchmark.log("Ingest: %d shipments, %d readings per request (%d KB)", shipments.size(), perRequest,
                body(0, "LOG-SIZE-0000000").length / 1024);
        report.add(SECTION, "readings per request", perRequest, "");
        double best = 0;
        for (int clients : CLIENTS) {
            String tag = "C" + clients;
            run(courier, clients, settings.warmup(), tag + "W");
            Result result = run(courier, clients, settings.seconds(), tag);
            best = Math.max(best, result.readingsPerSecond());
            Benchmark.log("Ingest, %d client(s): %.0f readings/s (%d requests), p50 %.1f ms, p99 %.1f ms, %d errors%s",
                    clients, result.readingsPerSecond(), result.requests(), result.p50Millis(), result.p99Millis(),
                    result.errors(), result.countsGiven() ? ", " + result.stored() + " stored, " + result.duplicates()
                            + " duplicates" : "");
            String name = clients + (clients == 1 ? " client" : " clients");
            report.add(SECTION, name + ": readings/s accepted", result.readingsPerSecond(), "1/s");
            report.add(SECTION, name + ": p50 latency per request", result.p50Millis(), "ms");
            report.add(SECTION, name + ": p99", result.p99Millis(), "ms");
            report.add(SECTION, name + ": errors", result.errors(), "");
            if (result.countsGiven()) {
                // New loggers' readings: all stored, none a duplicate.
                report.atMost(SECTION, name + ": readings taken as duplicates", result.duplicates(), "", 0);
            }
        }
        report.atLeast(SECTION, "readings/s accepted, best of " + CLIENTS.length + " concurrencies", best, "1/s",
                TARGET_PER_SECOND);
        replay(courier, most);
    }

    /** The uploads made so far, sent again in order by {@code clients} clients: all duplicates, nothing stored. */
    private void replay(String courier, int clients) {
        List<Sent> again = List.copyOf(sent);
        if (again.isEmpty()) {
            Benchmark.log("Ingest replay not run: no upload was accepted");
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Result result = load(clients, settings.seconds(), client -> {
            Sent upload = again.get(Math.floorMod(next.getAndIncrement(), again.size()));
            return upload(courier, upload.shipment(), upload.loggerId());
        });
        Benchmark.log("Ingest replay, %d clients: %.0f readings/s (%d requests), p50 %.1f ms, p99 %.1f ms, %d errors%s",
                clients, result.readingsPerSecond(), result.requests(), result.p50Millis(), result.p99Millis(),
                result.errors(), result.countsGiven() ? ", " + result.stored() + " stored" : "");
        report.add(SECTION, "replay, " + clients + " clients: readings/s (duplicates)", result.readingsPerSecond(),
                "1/s");
        report.add(SECTION, "replay: p50 latency per request", result.p50Millis(), "ms");
        report.add(SECTION, "replay: p99", result.p99Millis(), "ms");
        report.add(SECTION, "replay: errors", result.errors(), "");
        if (result.countsGiven()) {
            report.atMost(SECTION, "replay: readings stored again", result.stored(), "", 0);
        } else {
            Benchmark.log("Ingest replay: the answers give no count of readings stored; nothing to check");
        }
    }

    /** {@code clients} clients upload new loggers' series, each to the shipment of its own. */
    private Result run(String courier, int clients, Duration duration, String tag) {
        return load(clients, duration, client -> {
            String logger = nextLogger(tag + "-" + client);
            Upload upload = upload(courier, client, logger);
            if (upload.ok()) {
                sent.add(new Sent(client, logger));
            }
            return upload;
        });
    }

    /** One request's work for a client. */
    private interface Client {
        Upload next(int client);
    }

    /** {@code clients} clients, each sending its next request when the last is answered, for {@code duration}. */
    private Result load(int clients, Duration duration, Client work) {
        Recorder latencies = new Recorder(3);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong stored = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong withCounts = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    for (long start = System.nanoTime(); start < end; start = System.nanoTime()) {
                        Upload upload = work.next(client);
                        long done = System.nanoTime();
                        if (done > end) {
                            continue;
                        }
                        if (upload.ok()) {
                            latencies.recordValue((done - start) / 1000);
                            requests.incrementAndGet();
                            if (upload.stored() >= 0) {
                                withCounts.incrementAndGet();
                                stored.addAndGet(upload.stored());
                                duplicates.addAndGet(Math.max(0, upload.duplicates()));
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "ingest-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        try {
            if (!finished.await(duration.plusMinutes(5).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the ingest clients did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String failure = firstFailure.getAndSet(null);
        if (failure != null) {
            Benchmark.log("Ingest: %d upload(s) failed; the first: %s", errors.get(), failure);
        }
        var histogram = latencies.getIntervalHistogram();
        double seconds = duration.toNanos() / 1e9;
        return new Result(requests.get() * (double) perRequest / seconds,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0, requests.get(), errors.get(), stored.get(), duplicates.get(),
                requests.get() > 0 && withCounts.get() == requests.get());
    }

    /** Uploads the series of shipment {@code shipment} as logger {@code loggerId}. */
    private Upload upload(String courier, int shipment, String loggerId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/shipments/"
                + series.get(shipment).shipmentId() + "/temperature-readings")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + courier).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(body(prefix(loggerId), series.get(shipment).readings())).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                String body = new String(response.body(), StandardCharsets.UTF_8);
                firstFailure.compareAndSet(null, response.statusCode() + " " + body.substring(0,
                        Math.min(300, body.length())));
            }
            return answer(response.statusCode(), response.body());
        } catch (IOException e) {
            firstFailure.compareAndSet(null, e.toString());
            return new Upload(599, -1, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Upload(599, -1, -1);
        }
    }

    /**
     * The counts of an upload's answer, by the names the contract gives them (stored, duplicates), or
     * those a variant of it might use; -1 where the answer gives none.
     */
    static Upload answer(int status, byte[] body) {
        long stored = -1;
        long duplicates = -1;
        if (status / 100 == 2 && body != null && body.length > 0) {
            try {
                JsonNode answer = JSON.readTree(body);
                stored = count(answer, "stored", "inserted");
                duplicates = count(answer, "duplicates", "duplicate", "alreadyStored", "ignored");
            } catch (IOException e) {
                // No JSON answer: no counts.
            }
        }
        return new Upload(status, stored, duplicates);
    }

    private static long count(JsonNode answer, String... names) {
        for (String name : names) {
            JsonNode value = answer.path(name);
            if (value.isIntegralNumber()) {
                return value.asLong();
            }
        }
        return -1;
    }

    private static final byte[] SUFFIX = "}".getBytes(StandardCharsets.US_ASCII);

    /** The body from its parts, sent with its length (not in chunks), the shared series never copied. */
    private static HttpRequest.BodyPublisher body(byte[] prefix, byte[] readings) {
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(List.of(prefix,
                readings, SUFFIX)), prefix.length + readings.length + SUFFIX.length);
    }

    private static byte[] prefix(String loggerId) {
        return ("{\"loggerId\":\"" + loggerId + "\",\"readings\":").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] body(int shipment, String loggerId) {
        byte[] prefix = prefix(loggerId);
        byte[] readings = series.get(shipment).readings();
        byte[] body = new byte[prefix.length + readings.length + SUFFIX.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(readings, 0, body, prefix.length, readings.length);
        System.arraycopy(SUFFIX, 0, body, prefix.length + readings.length, SUFFIX.length);
        return body;
    }

    /** A logger id no upload used: LOG-, the run's tag, a number. */
    private String nextLogger(String tag) {
        return "LOG-" + tag + "-%07d".formatted(loggers.incrementAndGet());
    }

    /**
     * Each shipment's series: {@code count} readings 1 ms apart from packing plus {@link #AFTER_PACKING},
     * around 5 °C, drifting within 3.9 to 6.1 °C, to the tenth of a degree as loggers read.
     */
    static List<Series> series(List<LoadBatches.Collected> shipments, int count) {
        List<Series> made = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(17);
        for (LoadBatches.Collected shipment : shipments) {
            Instant first = shipment.packedAt().plus(AFTER_PACKING);
            StringBuilder readings = new StringBuilder(count * 52 + 2).append('[');
            double celsius = 5.0;
            for (int i = 0; i < count; i++) {
                celsius = Math.max(3.9, Math.min(6.1, celsius + (random.nextInt(3) - 1) * 0.1));
                if (i > 0) {
                    readings.append(',');
                }
                readings.append("{\"at\":\"").append(first.plusMillis(i)).append("\",\"celsius\":")
                        .append(BigDecimal.valueOf(celsius).setScale(1, RoundingMode.HALF_UP).toPlainString())
                        .append('}');
            }
            made.add(new Series(shipment.shipmentId(), readings.append(']').toString()
                    .getBytes(StandardCharsets.US_ASCII)));
        }
        return made;
    }

    /** Waits until the last reading of every series is in the past, with a second for the clocks. */
    private static void awaitReadingsInThePast(List<LoadBatches.Collected> shipments, int count)
            throws InterruptedException {
        Instant last = shipments.stream().map(LoadBatches.Collected::packedAt).max(Instant::compareTo).orElseThrow()
                .plus(AFTER_PACKING).plusMillis(count).plusSeconds(1);
        long wait = Duration.between(Instant.now(), last).toMillis();
        if (wait > 0) {
            Benchmark.log("Ingest: waiting %.1f s until the readings' times are past", wait / 1000.0);
            Thread.sleep(wait);
        }
    }
}
