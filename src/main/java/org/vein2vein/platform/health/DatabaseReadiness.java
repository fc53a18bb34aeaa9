package org.vein2vein.platform.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * Ready while PostgreSQL answers: every write needs it. The answer comes within two seconds even when
 * the database hangs, and names no host or port (the endpoint needs no token). It replaces Quarkus'
 * own datasource check, which may wait for the pool's acquisition timeout and quotes the driver's
 * error message, address included.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    static final String NAME = "database";
    private static final Duration LIMIT = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final BoundedProbe<Boolean> probe = new BoundedProbe<>("database-readiness-probe", LIMIT);

    public DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.probe(this::answers)
                .map(valid -> valid ? up() : down("a connection failed its validation"))
                .onFailure(TimeoutException.class).recoverWithItem(down("no answer within " + LIMIT))
                .onFailure().recoverWithItem(down("unreachable"));
    }

    private boolean answers() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) LIMIT.toSeconds());
        }
    }

    private static HealthCheckResponse up() {
        return HealthCheckResponse.named(NAME).up().withData("postgresql", "answering").build();
    }

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named(NAME).down().withData("postgresql", why).build();
    }

    @PreDestroy
    void close() {
        probe.close();
    }
}
