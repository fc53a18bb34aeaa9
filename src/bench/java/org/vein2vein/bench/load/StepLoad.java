package org.vein2vein.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Repeatable EXPANDED steps through the full path (HTTP, validation, rules, ledger and outbox commit),
 * each client on batches of its own, so that the figure is the service's and not one batch's lock.
 * Closed model: each client sends its next step when the last is answered. Open model: steps are
 * sent on a fixed schedule whatever the answers, and each is timed from when it was due, so a stall
 * shows in full (no coordinated omission, as wrk2 does it).
 */
public final class StepLoad {

    /** Latencies in microseconds, the count of answered steps and of errors, over the measured time. */
    public record Result(Histogram latencyMicros, long steps, long errors, double seconds) {
        public double perSecond() {
            return steps / seconds;
        }

        public double millis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        public double maxMillis() {
            return latencyMicros.getMaxValue() / 1000.0;
        }
    }

    /** A recorded step: its batch, its ledger sequence (ETag) and when its 2xx arrived (System.nanoTime). */
    public record Recorded(String coi, long sequence, long answeredAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String token;
    private final String site;

    public StepLoad(String url, String token, String site) {
        this.url = url;
        this.token = token;
        this.site = site;
    }

    /** {@code clients} clients, one batch each, for {@code warmup} unmeasured then {@code duration}. */
    public Result closed(List<String> batches, int clients, Duration warmup, Duration duration) {
        Recorder recorder = new Recorder(3);
        AtomicLong steps = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            String coi = batches.get(c);
            Thread client = new Thread(() -> {
                try {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        int status = send(coi);
                        long done = System.nanoTime();
                        if (now >= measureFrom) {
                            if (status / 100 == 2) {
                                recorder.recordValue((done - now) / 1000);
                                steps.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "load-client-" + c);
            client.setDaemon(true);
            client.start();
        }
        await(finished);
        return new Result(recorder.getIntervalHistogram(), steps.get(), errors.get(), duration.toNanos() / 1e9);
    }

    /**
     * Steps at {@code rate} per second for {@code duration}, spread over the batches in turn; each
     * recorded step is added to {@code recorded} when it is answered.
     */
    public Result open(List<String> batches, double rate, Duration duration, Queue<Recorded> recorded) {
        Recorder recorder = new Recorder(3);
        AtomicLong steps = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long interval = (long) (1e9 / rate);
        long count = (long) (rate * duration.toNanos() / 1e9);
        CountDownLatch answered = new CountDownLatch((int) count);
        long start = System.nanoTime() + 10_000_000;
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            String coi = batches.get((int) (i % batches.size()));
            http.sendAsync(request(coi), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                try {
                    long done = System.nanoTime();
                    if (failure == null && response.statusCode() / 100 == 2) {
                        recorder.recordValue((done - due) / 1000);
                        steps.incrementAndGet();
                        if (recorded != null) {
                            recorded.add(new Recorded(coi, sequence(response), done));
                        }
                    } else {
                        errors.incrementAndGet();
                    }
                } finally {
                    answered.countDown();
                }
            });
        }
        await(answered);
        return new Result(recorder.getIntervalHistogram(), steps.get(), errors.get(), duration.toNanos() / 1e9);
    }

    /**
     * Logs {@code total} steps as fast as {@code clients} clients can, one batch each; each recorded step
     * is added to {@code recorded}.
     */
    public Result backlog(List<String> batches, int clients, long total, Queue<Recorded> recorded) {
        AtomicLong left = new AtomicLong(total);
        AtomicLong steps = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String coi = batches.get(c);
            Thread client = new Thread(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        HttpResponse<Void> response = exchange(coi);
                        if (response != null && response.statusCode() / 100 == 2) {
                            steps.incrementAndGet();
                            recorded.add(new Recorded(coi, sequence(response), System.nanoTime()));
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "backlog-client-" + c);
            client.setDaemon(true);
            client.start();
        }
        await(finished);
        return new Result(new Histogram(3), steps.get(), errors.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Logs one step; its status. */
    public int one(String coi) {
        return send(coi);
    }

    private int send(String coi) {
        HttpResponse<Void> response = exchange(coi);
        return response == null ? 599 : response.statusCode();
    }

    /** Logs one step; its answer, or null when none came. */
    private HttpResponse<Void> exchange(String coi) {
        try {
            return http.send(request(coi), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The recorded event's ledger sequence: a step's answer carries it as its ETag. */
    private static long sequence(HttpResponse<?> response) {
        return Long.parseLong(response.headers().firstValue("ETag").orElse("0").replace("\"", ""));
    }

    private HttpRequest request(String coi) {
        String body = "{\"stage\":\"EXPANDED\",\"occurredAt\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS)
                + "\",\"site\":\"" + site + "\",\"data\":{\"bioreactor\":\"BR-02\",\"cultureDay\":7,"
                + "\"viableCells\":2400000000,\"viabilityPercent\":93.5}}";
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/batches/" + coi + "/steps"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the load did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A queue for {@link #open}'s recorded steps. */
    public static Queue<Recorded> recordedQueue() {
        return new ConcurrentLinkedQueue<>();
    }
}
