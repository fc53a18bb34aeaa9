package org.vein2vein.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.Database;
import org.vein2vein.testing.TestInfrastructure;

/**
 * V15 gives every outbox row its topic. Rows written before it were custody events: they keep going
 * to the custody topic configured when V15 ran, whatever the configuration says later. Each test
 * works on a database of its own on the test server.
 */
@QuarkusTest
class OutboxTopicMigrationTest {

    private static final MigrationVersion V15 = MigrationVersion.fromVersion("15");

    @Inject
    Flyway flyway;

    @Test
    void rowsWrittenBeforeV15KeepTheCustodyTopicConfiguredWhenItRan() throws SQLException {
        String url = newDatabase();
        Flyway.configure().configuration(flyway.getConfiguration()).dataSource(url, "postgres", "postgres")
                .target(lastVersionBefore15()).load().migrate();
        try (Connection db = connect(url)) {
            update(db, "INSERT INTO outbox_message (event_id, aggregate_id, lane, event_type, occurred_at, extensions, "
                    + "created_at, payload) VALUES ('" + UUID.randomUUID() + "', 'V2VOLDROW00001', 3, "
                    + "'org.vein2vein.custody.step-recorded.v1', now(), '{}', now(), '{}')");
        }

        withCustodyTopic(url, "acme.custody.v1").migrate();

        try (Connection db = connect(url)) {
            assertThat(topics(db)).isEqualTo("acme.custody.v1");
        }
        // A later start configured otherwise: V15's checksum does not depend on the value, and the row stays.
        Flyway renamed = withCustodyTopic(url, "acme.custody.v2");
        renamed.validate();
        renamed.migrate();
        try (Connection db = connect(url)) {
            assertThat(topics(db)).isEqualTo("acme.custody.v1");
            assertThatThrownBy(() -> update(db, "INSERT INTO outbox_message (event_id, aggregate_id, lane, event_type, "
                    + "occurred_at, extensions, created_at, payload) VALUES ('" + UUID.randomUUID() + "', "
                    + "'V2VNEWROW00001', 3, 'org.vein2vein.custody.step-recorded.v1', now(), '{}', now(), '{}')"))
                    .as("a row written after V15 names its topic").hasMessageContaining("topic");
        }
    }

    @Test
    void theServiceFillsInItsConfiguredCustodyTopic() {
        assertThat(flyway.getConfiguration().getPlaceholders()).containsEntry("custody_topic", "vein2vein.custody.v1");
    }

    private Flyway withCustodyTopic(String url, String topic) {
        Map<String, String> placeholders = new HashMap<>(flyway.getConfiguration().getPlaceholders());
        placeholders.put("custody_topic", topic);
        return Flyway.configure().configuration(flyway.getConfiguration()).dataSource(url, "postgres", "postgres")
                .placeholders(placeholders).load();
    }

    /** V14 once the shipment slice's migrations are in; whatever comes last before V15. */
    private MigrationVersion lastVersionBefore15() {
        return Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                .filter(version -> version.compareTo(V15) < 0).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static String topics(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT string_agg(DISTINCT topic, ',') FROM outbox_message")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String newDatabase() throws SQLException {
        String name = "outbox_topic_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        try (Connection server = Database.connect(); Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String url = TestInfrastructure.jdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    private static void update(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
