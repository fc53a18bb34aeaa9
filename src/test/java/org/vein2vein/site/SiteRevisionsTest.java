package org.vein2vein.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/** Every version of a site is kept, with who wrote it; the database refuses to change or remove one. */
@QuarkusTest
class SiteRevisionsTest {

    @Test
    void everyVersionIsListedOldestFirstWithTheAdministratorWhoWroteIt() {
        String code = Sites.newCode();
        Sites.create(code).statusCode(201);
        Sites.update(code, "\"1\"", Sites.changes("Second name", true)).statusCode(200);
        Sites.update(code, "\"2\"", Sites.changes("Second name", false)).statusCode(200);

        Api.as(Tokens.qa()).get(Sites.PATH + "/{code}/revisions", code).then().statusCode(200)
                .body("code", equalTo(code))
                .body("revisions.version", equalTo(List.of(1, 2, 3)))
                .body("revisions.name", equalTo(List.of("Hospices Civils de Lyon, apheresis unit", "Second name",
                        "Second name")))
                .body("revisions.kind", equalTo(List.of("COLLECTION", "TREATMENT", "TREATMENT")))
                .body("revisions.active", equalTo(List.of(true, true, false)))
                .body("revisions[0].revisedBy.role", equalTo("admin"))
                .body("revisions[0].revisedBy.organisation", equalTo("VEIN2VEIN"))
                .body("revisions[0].revisedBy.id", startsWith("admin-site-"))
                .body("nextFromVersion", nullValue());
        Api.as(Sites.adminToken()).queryParam("fromVersion", 2).queryParam("limit", 1)
                .get(Sites.PATH + "/{code}/revisions", code).then().statusCode(200)
                .body("revisions.version", equalTo(List.of(2)))
                .body("nextFromVersion", equalTo(3));
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveARevision() throws SQLException {
        String code = Sites.newCode();
        Sites.create(code).statusCode(201);
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "update site_revision set actor_id = 'someone-else' where site_code = '" + code + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("site_revision is append-only: UPDATE refused");
            assertThatThrownBy(() -> statement.executeUpdate(
                    "delete from site_revision where site_code = '" + code + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("site_revision is append-only: DELETE refused");
            assertThatThrownBy(() -> statement.executeUpdate("truncate site_revision cascade"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("site_revision is append-only: TRUNCATE refused");
        }
        assertThat(Database.count("select count(*) from site_revision where site_code = '" + code
                + "' and actor_id like 'admin-site-%'")).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesASecondRevisionOfTheSameVersion() throws SQLException {
        String code = Sites.newCode();
        Sites.create(code).statusCode(201);
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("insert into site_revision select * from site_revision "
                    + "where site_code = '" + code + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("site_revision_pkey");
        }
    }
}
