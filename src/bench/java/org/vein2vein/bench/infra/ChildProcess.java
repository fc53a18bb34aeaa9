package org.vein2vein.bench.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A process the benchmark starts, its output kept in a log file and watched for a line. */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final CountDownLatch seen = new CountDownLatch(1);

    private ChildProcess(Process process, Path log, Predicate<String> readyLine) {
        this.process = process;
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.println(line);
                    out.flush();
                    if (readyLine.test(line)) {
                        seen.countDown();
                    }
                }
            } catch (IOException e) {
                // The process ended; its log says why.
            }
        }, "output of " + log.getFileName());
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code command} with extra environment, its output in {@code log}. */
    public static ChildProcess start(List<String> command, Map<String, String> environment, Path log,
            Predicate<String> readyLine) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            // A benchmark stopped half-way leaves no broker or service behind.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new ChildProcess(process, log, readyLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Java main of the benchmark's class path, in a JVM of its own. */
    public static ChildProcess java(String mainClass, List<String> jvmOptions, List<String> args, Path log,
            Predicate<String> readyLine) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return start(command, Map.of(), log, readyLine);
    }

    /** Waits for the ready line; fails if the process ends first or the time runs out. */
    public ChildProcess awaitReady(Duration timeout, String what) {
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!seen.await(100, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(what + " did not get ready" + (process.isAlive() ? " in time" :
                            ", it exited with " + process.exitValue()));
                }
            }
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Its resident memory now, in bytes (Linux: VmRSS of /proc/pid/status); 0 when unknown. */
    public long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** Ends it at once, as a crash would (SIGKILL). */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
