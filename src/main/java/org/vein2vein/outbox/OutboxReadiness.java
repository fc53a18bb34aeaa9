package org.vein2vein.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Always UP: while Kafka is away the outbox keeps every accepted step, so a replica can still serve.
 * It reports Kafka's last known state and the backlog as data.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements AsyncHealthCheck {

    private final KafkaDeliveryReport report;

    OutboxReadiness(KafkaDeliveryReport report) {
        this.report = report;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return report.report("outbox", false);
    }
}
