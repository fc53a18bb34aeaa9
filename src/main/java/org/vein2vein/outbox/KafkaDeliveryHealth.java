package org.vein2vein.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;

/**
 * {@code /q/health/group/kafka}: DOWN while this replica's relay cannot publish, for monitoring and
 * alerts. Not a probe: taking replicas out of service would not bring Kafka back.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaDeliveryHealth implements AsyncHealthCheck {

    private final KafkaDeliveryReport report;

    KafkaDeliveryHealth(KafkaDeliveryReport report) {
        this.report = report;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return report.report("kafka-delivery", true);
    }
}
