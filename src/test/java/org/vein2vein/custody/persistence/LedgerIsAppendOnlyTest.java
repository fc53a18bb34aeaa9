package org.vein2vein.custody.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/** The database itself, not only the service, refuses to change the custody record. */
@QuarkusTest
class LedgerIsAppendOnlyTest {

    @Test
    void databaseRefusesToUpdateALedgerRow() throws SQLException {
        String coi = Api.registerAutologous("PSN-APPEND-01");
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "update custody_event set actor_id = 'someone-else' where coi = '" + coi + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("custody_event is append-only: UPDATE refused");
        }
        assertThat(Database.count("select count(*) from custody_event where coi = '" + coi
                + "' and actor_id = '" + Tokens.TECHNICIAN_ID + "'")).isEqualTo(1);
    }

    @Test
    void databaseRefusesToDeleteALedgerRow() throws SQLException {
        String coi = Api.registerAutologous("PSN-APPEND-02");
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("delete from custody_event where coi = '" + coi + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("custody_event is append-only: DELETE refused");
            assertThatThrownBy(() -> statement.executeUpdate("truncate custody_event cascade"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("custody_event is append-only: TRUNCATE refused");
        }
        assertThat(Database.count("select count(*) from custody_event where coi = '" + coi + "'")).isEqualTo(1);
    }

    @Test
    void databaseRefusesASecondEventWithTheSameSequence() throws SQLException {
        String coi = Api.registerAutologous("PSN-APPEND-03");
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("insert into custody_event select gen_random_uuid(), "
                    + "coi, sequence, type, stage, occurred_at, recorded_at, actor_id, actor_role, actor_organisation, site, "
                    + "payload, previous_hash, "
                    + "repeat('a', 64) from custody_event where coi = '" + coi + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("custody_event_sequence_unique");
        }
    }
}
