package org.vein2vein.platform.health;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.smallrye.mutiny.Uni;

/**
 * Runs a blocking check on a thread of its own and stops waiting for it after a time limit, so that
 * a health answer never waits on a dependency that hangs. A check still running is joined, not
 * started again: however often the probe is asked, a hanging dependency holds one thread.
 */
public final class BoundedProbe<T> implements AutoCloseable {

    private final ExecutorService executor;
    private final Duration limit;
    private CompletableFuture<T> running;

    public BoundedProbe(String threadName, Duration limit) {
        this.limit = limit;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The check's answer, or a {@link io.smallrye.mutiny.TimeoutException} once the limit has passed.
     */
    public Uni<T> probe(Callable<T> check) {
        // A copy, so that giving up on this answer cannot cancel the check other callers share.
        return Uni.createFrom().completionStage(current(check).copy())
                .ifNoItem().after(limit).fail();
    }

    private synchronized CompletableFuture<T> current(Callable<T> check) {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(() -> {
                try {
                    return check.call();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, executor);
        }
        return running;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
