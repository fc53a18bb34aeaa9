package org.vein2vein.bench.infra;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) in a process of its own, pointed
 * at the benchmark's PostgreSQL and Kafka, trusting the benchmark's signing key, as a deployment
 * would run it; so its start time and resident memory are real. JVM options come from
 * {@code -Dbench.service-jvm} (default {@value #DEFAULT_JVM_OPTIONS}).
 */
public final class ServiceUnderTest implements AutoCloseable {

    /** As the README recommends for a deployment: a 256 MB heap. */
    public static final String DEFAULT_JVM_OPTIONS = "-Xmx256m";

    private final ChildProcess process;
    private final String url;
    private final Duration startToReady;

    private ServiceUnderTest(ChildProcess process, String url, Duration startToReady) {
        this.process = process;
        this.url = url;
        this.startToReady = startToReady;
    }

    public static ServiceUnderTest start(Path jar, String jdbcUrl, String bootstrapServers, Path publicKey,
            String issuer, Path workFolder, Path log) {
        int port = freePort();
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        environment.put("QUARKUS_DATASOURCE_USERNAME", Postgres15.USER);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", "unused");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
        environment.put("MP_JWT_VERIFY_ISSUER", issuer);
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("VEIN2VEIN_DATA_DIR", workFolder.resolve("service-data").toString());
        // The demo sites and products the load uses; a database the service is pointed at gets them only if asked.
        environment.put("VEIN2VEIN_DEMO_DATA_ENABLED", "true");
        // Every load client is one caller: the per-caller rate limit stays on, far above the load.
        environment.put("VEIN2VEIN_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000");
        environment.put("VEIN2VEIN_RATE_LIMIT_BURST", "1000000");
        // The ingest phase's readings are dated seconds after packing: judged for excursions at once, not
        // after the default 15 minutes in which a shipper reaches its temperature (docs/shipments.md).
        environment.put("VEIN2VEIN_SHIPMENTS_STABILISATION", "PT1S");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jvm = jvmOptions();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        String url = "http://127.0.0.1:" + port;
        long started = System.nanoTime();
        ChildProcess process = ChildProcess.start(command, environment, log, line -> false);
        awaitReady(url, process, log);
        return new ServiceUnderTest(process, url, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The service's JVM options: {@code -Dbench.service-jvm}, by default the README's recommended heap. */
    public static String jvmOptions() {
        return System.getProperty("bench.service-jvm", DEFAULT_JVM_OPTIONS).trim();
    }

    public String url() {
        return url;
    }

    /** From the process start to the first 200 of {@code /q/health/ready}. */
    public Duration startToReady() {
        return startToReady;
    }

    public ChildProcess process() {
        return process;
    }

    private static void awaitReady(String url, ChildProcess process, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (process.residentBytes() == 0) {
                throw new IllegalStateException("the service exited before it was ready: see " + log);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the service was not ready within 120 s: see " + log);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
