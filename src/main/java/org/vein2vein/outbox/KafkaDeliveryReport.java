package org.vein2vein.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.mutiny.Uni;

import org.vein2vein.platform.health.BoundedProbe;

/**
 * What the health checks say about delivery to Kafka: the relay's last known state (Kafka itself is
 * never asked, so the answer never waits on it) and the outbox backlog, read within a second. No
 * broker address: the health endpoints need no token.
 */
@ApplicationScoped
class KafkaDeliveryReport {

    private static final Duration BACKLOG_LIMIT = Duration.ofSeconds(1);

    private final KafkaDeliveryState state;
    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final Clock clock;
    private final BoundedProbe<OutboxPublisher.Backlog> backlog = new BoundedProbe<>("outbox-backlog-probe",
            BACKLOG_LIMIT);

    KafkaDeliveryReport(KafkaDeliveryState state, OutboxPublisher publisher, OutboxConfig config, Clock clock) {
        this.state = state;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param downWhileUnreachable whether the check is DOWN while the relay cannot publish (for alerts),
     *                             or always UP (for readiness: writes go on while Kafka is away)
     */
    Uni<HealthCheckResponse> report(String name, boolean downWhileUnreachable) {
        KafkaDeliveryState.Snapshot snapshot = state.snapshot();
        boolean up = !(downWhileUnreachable && snapshot.kafka() == KafkaDeliveryState.Kafka.UNREACHABLE);
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).status(up)
                .withData("relay", config.relayEnabled() ? "running" : "disabled on this replica")
                .withData("kafka", snapshot.kafka().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .withData("kafkaSince", snapshot.since().truncatedTo(ChronoUnit.MILLIS).toString());
        return backlog.probe(() -> publisher.backlog(BACKLOG_LIMIT))
                .map(found -> {
                    response.withData("pendingMessages", found.messages());
                    found.oldestSince().ifPresent(oldest -> response.withData("oldestPendingAge",
                            age(oldest).toString()));
                    return response.build();
                })
                .onFailure().recoverWithItem(() -> response.withData("pendingMessages", "unknown").build());
    }

    private Duration age(Instant since) {
        Duration age = Duration.between(since, clock.instant()).withNanos(0);
        return age.isNegative() ? Duration.ZERO : age;
    }

    @PreDestroy
    void close() {
        backlog.close();
    }
}
