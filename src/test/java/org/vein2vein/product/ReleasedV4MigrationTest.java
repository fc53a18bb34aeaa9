package org.vein2vein.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.Database;
import org.vein2vein.testing.TestInfrastructure;

/**
 * Databases that ran V4__products.sql as first released, which also inserted the two fictional
 * products: they migrate with the service's own Flyway configuration, keep the products in use and
 * lose the others. Each test works on a database of its own on the test server.
 */
@QuarkusTest
class ReleasedV4MigrationTest {

    /** The checksum Flyway recorded for V4__products.sql as first released (commit 472efb4 and before). */
    private static final int RELEASED_V4_CHECKSUM = -155005923;
    /** The last migration before the demo products were taken out of the migrations. */
    private static final String BEFORE_DEMO_PRODUCTS_LEFT = "9";
    private static final String AUTOLOGOUS = "CART-GD2-AUTO";
    private static final String ALLOGENEIC = "CART-B7H3-ALLO";

    @Inject
    Flyway flyway;

    @Test
    void aDatabaseThatRanTheReleasedV4StartsAndKeepsOnlyTheDemoProductInUse() throws SQLException {
        String url = databaseAsReleased();
        try (Connection db = connect(url)) {
            update(db, "INSERT INTO batch (coi, type, subject_reference, product_code, collection_site, stage, "
                    + "registered_at, updated_at, product_version) VALUES ('V2VRELEASEDV41', 'ALLOGENEIC', "
                    + "'PSN-OLD-1', '" + ALLOGENEIC + "', 'SITE-A', 'ORDERED', now(), now(), 1)");
        }

        on(url).migrate();

        assertThat(recordedChecksumOfV4(url)).isEqualTo(currentChecksumOfV4());
        try (Connection db = connect(url)) {
            assertThat(strings(db, "SELECT code FROM product")).containsExactly(ALLOGENEIC);
            assertThat(strings(db, "SELECT code || ' ' || version || ' ' || created_by_id FROM product_version"))
                    .containsExactly(ALLOGENEIC + " 1 migration-V4");
            assertThat(strings(db, "SELECT product_code || ' ' || product_version FROM batch"))
                    .containsExactly(ALLOGENEIC + " 1");
            assertThatThrownBy(() -> update(db, "DELETE FROM product_version"))
                    .as("versions are append-only again").hasMessageContaining("append-only");
        }
    }

    @Test
    void aDemoProductAnAdminChangedIsKept() throws SQLException {
        String url = databaseAsReleased();
        try (Connection db = connect(url)) {
            db.setAutoCommit(false);
            update(db, "INSERT INTO product_version (code, version, name, type, definition, created_at, created_by_id, "
                    + "created_by_role, created_by_organisation) SELECT code, 2, name, type, definition, now(), "
                    + "'admin-01', 'admin', 'HOSPITAL' FROM product_version WHERE code = '" + AUTOLOGOUS + "'");
            update(db, "UPDATE product SET current_version = 2 WHERE code = '" + AUTOLOGOUS + "'");
            db.commit();
        }

        on(url).migrate();

        try (Connection db = connect(url)) {
            assertThat(strings(db, "SELECT code FROM product")).containsExactly(AUTOLOGOUS);
            assertThat(strings(db, "SELECT version::text FROM product_version ORDER BY version"))
                    .containsExactly("1", "2");
        }
    }

    @Test
    void aV4ChangedInAnyOtherWayIsStillRefused() throws SQLException {
        String url = databaseAsReleased();
        try (Connection db = connect(url)) {
            update(db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '4'");
        }

        assertThatThrownBy(() -> on(url).migrate()).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void theMigrationsCreateNoProduct() throws SQLException {
        String url = newDatabase();

        on(url).migrate();

        try (Connection db = connect(url)) {
            assertThat(strings(db, "SELECT code FROM product")).isEmpty();
        }
    }

    /**
     * A new database as the release before this change left it: migrated up to V9, with V4's
     * recorded checksum and the two products it inserted (their definitions as the demo products
     * have them, created by "migration-V4").
     */
    private String databaseAsReleased() throws SQLException {
        String url = newDatabase();
        on(url, BEFORE_DEMO_PRODUCTS_LEFT).migrate();
        try (Connection db = connect(url); Connection seeded = Database.connect()) {
            update(db, "UPDATE flyway_schema_history SET checksum = " + RELEASED_V4_CHECKSUM + " WHERE version = '4'");
            // In one transaction, as V4 did: a product and its first version refer to each other.
            db.setAutoCommit(false);
            for (String code : List.of(AUTOLOGOUS, ALLOGENEIC)) {
                insertAsV4Did(db, seeded, code);
            }
            db.commit();
        }
        return url;
    }

    private static void insertAsV4Did(Connection db, Connection seeded, String code) throws SQLException {
        try (PreparedStatement read = seeded.prepareStatement(
                "SELECT name, type, definition::text FROM product_version WHERE code = ? AND version = 1")) {
            read.setString(1, code);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                try (PreparedStatement product = db.prepareStatement("INSERT INTO product (code, type, "
                        + "current_version, updated_at) VALUES (?, ?, 1, '2026-11-25T00:00:00Z')");
                        PreparedStatement version = db.prepareStatement("INSERT INTO product_version (code, version, "
                                + "name, type, definition, created_at, created_by_id, created_by_role, "
                                + "created_by_organisation) VALUES (?, 1, ?, ?, ?::jsonb, '2026-11-25T00:00:00Z', "
                                + "'migration-V4', 'admin', 'VEIN2VEIN')")) {
                    product.setString(1, code);
                    product.setString(2, row.getString("type"));
                    product.executeUpdate();
                    version.setString(1, code);
                    version.setString(2, row.getString("name"));
                    version.setString(3, row.getString("type"));
                    version.setString(4, row.getString("definition"));
                    version.executeUpdate();
                }
            }
        }
    }

    /** The service's Flyway configuration (its migrations and callbacks, as Quarkus found them) on {@code url}. */
    private Flyway on(String url) {
        return Flyway.configure().configuration(flyway.getConfiguration()).dataSource(url, "postgres", "postgres")
                .load();
    }

    private Flyway on(String url, String target) {
        return Flyway.configure().configuration(flyway.getConfiguration()).dataSource(url, "postgres", "postgres")
                .target(target).load();
    }

    private int currentChecksumOfV4() {
        for (MigrationInfo migration : flyway.info().all()) {
            if ("4".equals(migration.getVersion().getVersion())) {
                return migration.getChecksum();
            }
        }
        throw new IllegalStateException("no V4");
    }

    private static int recordedChecksumOfV4(String url) throws SQLException {
        try (Connection db = connect(url); Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT checksum FROM flyway_schema_history WHERE version = '4'")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String newDatabase() throws SQLException {
        String name = "released_v4_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
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

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
