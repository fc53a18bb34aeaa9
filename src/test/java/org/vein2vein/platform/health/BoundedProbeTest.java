package org.vein2vein.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.TimeoutException;

class BoundedProbeTest {

    @Test
    void aCheckThatHangsIsAnsweredAsTimedOutAndHoldsOneThreadHoweverOftenItIsAsked() {
        CountDownLatch databaseAnswers = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Callable<String> hanging = () -> {
            started.incrementAndGet();
            databaseAnswers.await();
            return "late";
        };
        try (BoundedProbe<String> probe = new BoundedProbe<>("test-probe", Duration.ofMillis(200))) {
            for (int asked = 0; asked < 3; asked++) {
                assertThatThrownBy(() -> probe.probe(hanging).await().indefinitely())
                        .isInstanceOf(TimeoutException.class);
            }
            assertThat(started).as("checks started").hasValue(1);

            databaseAnswers.countDown();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "fresh".equals(probe.probe(() -> "fresh").await().indefinitely()));
        }
    }

    @Test
    void aFailingCheckFailsTheProbeAndTheNextAskRunsItAgain() {
        AtomicInteger started = new AtomicInteger();
        try (BoundedProbe<String> probe = new BoundedProbe<>("test-probe", Duration.ofSeconds(10))) {
            Callable<String> refused = () -> {
                started.incrementAndGet();
                throw new SQLException("connection refused");
            };
            assertThatThrownBy(() -> probe.probe(refused).await().indefinitely())
                    .hasRootCauseInstanceOf(SQLException.class);
            assertThatThrownBy(() -> probe.probe(refused).await().indefinitely())
                    .hasRootCauseInstanceOf(SQLException.class);
            assertThat(started).hasValue(2);
        }
    }
}
