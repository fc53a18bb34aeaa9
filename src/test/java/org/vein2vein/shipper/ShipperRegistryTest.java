package org.vein2vein.shipper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/**
 * An administrator registers, reads and requalifies shippers. A change requires If-Match: without
 * it 428, against an older version 412; a refused request writes nothing.
 */
@QuarkusTest
class ShipperRegistryTest {

    @Test
    void anAdministratorRegistersReadsAndRequalifiesAShipperEachChangeAsANewVersion() {
        String id = Shippers.newId();

        Response created = Shippers.asAdmin().contentType(ContentType.JSON).body(Shippers.newShipper(id))
                .post(Shippers.PATH);

        created.then().statusCode(201).contentType(ContentType.JSON).header("ETag", "\"1\"")
                .body("id", equalTo(id)).body("type", equalTo("DRY_SHIPPER"))
                .body("qualifiedUntil", equalTo("2030-06-30T00:00:00Z")).body("validatedHoldTime", equalTo("P10D"))
                .body("active", equalTo(true)).body("version", equalTo(1));
        assertThat(created.header("Location")).isEqualTo(Shippers.PATH + "/" + id);
        Api.as(Tokens.technician()).get(created.header("Location")).then().statusCode(200).header("ETag", "\"1\"")
                .body("validatedHoldTime", equalTo("P10D"));

        Shippers.update(id, "\"1\"", Shippers.changes("PT36H", true)).statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).body("qualifiedUntil", equalTo("2031-06-30T00:00:00Z"))
                .body("validatedHoldTime", equalTo("P1DT12H"));
        Shippers.update(id, "\"2\"", Shippers.changes("PT36H", false)).statusCode(200).header("ETag", "\"3\"")
                .body("active", equalTo(false));

        Shippers.read(id).statusCode(200).header("ETag", "\"3\"").body("version", equalTo(3))
                .body("active", equalTo(false)).body("validatedHoldTime", equalTo("P1DT12H"));
        assertThat(Shippers.revisionsOf(id)).isEqualTo(3);
        assertThat(Database.count("SELECT count(*) FROM shipper_revision WHERE shipper_id = '" + id
                + "' AND actor_role = 'admin' AND actor_id LIKE 'admin-shipper-%' AND actor_organisation = 'VEIN2VEIN'"))
                .isEqualTo(3);
        assertThat(Database.count("SELECT count(*) FROM shipper_revision WHERE shipper_id = '" + id
                + "' AND version = 1 AND validated_hold_time_seconds = 864000 AND active")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} is kept and shown as {1}")
    @CsvSource({ "PT1H, PT1H", "P60D, P60D", "P1DT12H30M, P1DT12H30M", "PT48H, P2D", "PT90M, PT1H30M" })
    void holdTimesFromOneHourToSixtyDaysAreAcceptedAndShownWithWholeDaysAsDays(String sent, String shown) {
        Map<String, Object> body = new HashMap<>(Shippers.newShipper(Shippers.newId()));
        body.put("validatedHoldTime", sent);

        Shippers.create(body).statusCode(201).body("validatedHoldTime", equalTo(shown));
    }

    @Test
    void aSecondShipperWithTheSameIdIsAConflictAndWritesNothing() {
        String id = Shippers.newId();
        Shippers.create(id).statusCode(201);
        Shippers.Rows before = Shippers.Rows.now();

        Shippers.create(id).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:shipper-exists"))
                .body("shipperId", equalTo(id));

        assertThat(Shippers.Rows.now()).isEqualTo(before);
    }

    @Test
    void anUnknownShipperIsNotFound() {
        String id = Shippers.newId();

        Shippers.read(id).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:shipper-not-found"))
                .body("instance", equalTo(Shippers.PATH + "/" + id));
        Shippers.update(id, "\"1\"", Shippers.changes("P10D", true)).statusCode(404)
                .body("type", equalTo("urn:vein2vein:problem:shipper-not-found"));
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = { "", "*" })
    void aChangeWithoutIfMatchIsRefusedAsPreconditionRequiredAndWritesNothing(String ifMatch) {
        String id = Shippers.newId();
        Shippers.create(id).statusCode(201);
        Shippers.Rows before = Shippers.Rows.now();

        Shippers.update(id, ifMatch.isEmpty() ? null : ifMatch, Shippers.changes("PT20H", false)).statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:precondition-required"));

        assertThat(Shippers.Rows.now()).isEqualTo(before);
        Shippers.read(id).body("version", equalTo(1)).body("validatedHoldTime", equalTo("P10D"));
    }

    @Test
    void aChangeAgainstAnOlderVersionFailsItsPreconditionNamesTheCurrentOneAndWritesNothing() {
        String id = Shippers.newId();
        Shippers.create(id).statusCode(201);
        Shippers.update(id, "\"1\"", Shippers.changes("P8D", true)).statusCode(200);
        Shippers.Rows before = Shippers.Rows.now();

        Shippers.update(id, "\"1\"", Shippers.changes("P12D", true)).statusCode(412)
                .contentType("application/problem+json").header("ETag", "\"2\"")
                .body("type", equalTo("urn:vein2vein:problem:precondition-failed"))
                .body("currentVersion", equalTo(2));
        Shippers.update(id, "W/\"2\"", Shippers.changes("P12D", true)).statusCode(412).header("ETag", "\"2\"");

        assertThat(Shippers.Rows.now()).isEqualTo(before);
        Shippers.read(id).body("validatedHoldTime", equalTo("P8D"));
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = { "1", "\"one\"", "\"1\", \"2\"", "\"-1\"", "\"1" })
    void aMalformedIfMatchIsAnInvalidRequestAndWritesNothing(String ifMatch) {
        String id = Shippers.newId();
        Shippers.create(id).statusCode(201);

        Shippers.update(id, ifMatch, Shippers.changes("P8D", true)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations[0].field", equalTo("header.If-Match"));

        assertThat(Shippers.revisionsOf(id)).isEqualTo(1);
    }

    @Test
    void aRetriedRegistrationReplaysTheFirstAnswerAndRegistersNothingMore() {
        String id = Shippers.newId();
        String key = UUID.randomUUID().toString();
        String admin = Shippers.adminToken();
        Response first = Api.as(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Shippers.newShipper(id)).post(Shippers.PATH);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Shippers.Rows before = Shippers.Rows.now();

        Response retry = Api.as(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Shippers.newShipper(id)).post(Shippers.PATH);

        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo("\"1\"");
        assertThat(Shippers.Rows.now()).isEqualTo(before);
        Api.as(admin).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Shippers.newShipper(Shippers.newId())).post(Shippers.PATH).then().statusCode(422)
                .body("type", equalTo("urn:vein2vein:problem:idempotency-key-reused"));
        assertThat(Shippers.Rows.now()).isEqualTo(before);
    }

    @Test
    void theRegistryIsReadPageByPageInIdOrder() {
        String prefix = "PAGE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
        for (String suffix : List.of("A", "B", "C")) {
            Shippers.create(prefix + suffix).statusCode(201);
        }

        Api.as(Tokens.logistics()).queryParam("fromId", prefix + "A").queryParam("limit", 2).get(Shippers.PATH)
                .then().statusCode(200)
                .body("shippers.id", equalTo(List.of(prefix + "A", prefix + "B")))
                .body("nextFromId", equalTo(prefix + "C"));
        Api.as(Tokens.technician()).queryParam("fromId", prefix + "C").queryParam("limit", 1).get(Shippers.PATH)
                .then().statusCode(200).body("shippers[0].id", equalTo(prefix + "C"))
                .body("shippers[0].validatedHoldTime", equalTo("P10D"));
        Api.as(Tokens.qa()).queryParam("fromId", "ZZZZZZZZ-PAST-THE-END").get(Shippers.PATH).then().statusCode(200)
                .body("shippers", equalTo(List.of())).body("nextFromId", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "limit=1001", "limit=0", "limit=-1", "limit=ten", "fromId=%3Cscript%3E", "fromId=ds-0192",
            "fromId=a%20b" })
    void anOutOfRangePageIsAnInvalidRequestNamingTheParameter(String query) {
        String parameter = query.substring(0, query.indexOf('='));
        Api.as(Tokens.qa()).urlEncodingEnabled(false).get(Shippers.PATH + "?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations[0].field", equalTo("query." + parameter));
    }

    @Test
    void theDemoShippersAreRegistered() {
        Api.as(Tokens.qa()).queryParam("fromId", "CB-0042").queryParam("limit", 1).get(Shippers.PATH).then()
                .statusCode(200).body("shippers[0].id", equalTo("CB-0042"))
                .body("shippers[0].type", equalTo("COLD_BOX_2_8_C"))
                .body("shippers[0].validatedHoldTime", equalTo("P2D"));
        Shippers.read("DS-0192").statusCode(200).body("type", equalTo("DRY_SHIPPER"))
                .body("qualifiedUntil", equalTo("2099-12-31T00:00:00Z")).body("validatedHoldTime", equalTo("P10D"));
        Shippers.read("DS-0007").statusCode(200).body("qualifiedUntil", equalTo("2025-01-01T00:00:00Z"));
        Shippers.read("DS-0300").statusCode(200).body("validatedHoldTime", equalTo("PT20H"));
        assertThat(Database.count("SELECT count(*) FROM shipper_revision WHERE shipper_id IN ('DS-0192', 'DS-0007', "
                + "'CB-0042', 'DS-0300') AND version = 1 AND actor_id = 'demo-data' AND actor_role = 'system'"))
                .isEqualTo(4);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveARevision() throws SQLException {
        String id = Shippers.newId();
        Shippers.create(id).statusCode(201);
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update shipper_revision set validated_hold_time_seconds "
                    + "= 999999 where shipper_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("shipper_revision is append-only: UPDATE refused");
            assertThatThrownBy(() -> statement.executeUpdate("delete from shipper_revision where shipper_id = '"
                    + id + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("shipper_revision is append-only: DELETE refused");
            assertThatThrownBy(() -> statement.executeUpdate("truncate shipper_revision cascade"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("shipper_revision is append-only: TRUNCATE refused");
        }
        assertThat(Shippers.revisionsOf(id)).isEqualTo(1);
    }

    @ParameterizedTest(name = "validatedHoldTime {0}")
    @ValueSource(strings = { "PT59M", "P61D", "P60DT1M", "PT0S", "PT0H", "-PT1H", "PT-1H", "-P10D", "P1Y", "P1M",
            "P1W", "PT1.5H", "PT3600S", "P10DT", "p10d", "P10D ", " P10D", "P", "PT", "10 days", "864000",
            "P999D", "PT99999999H", "" })
    void aHoldTimeThatIsNotDaysHoursAndMinutesFromOneHourToSixtyDaysIsRefused(String holdTime) {
        Map<String, Object> body = new HashMap<>(Shippers.newShipper(Shippers.newId()));
        body.put("validatedHoldTime", holdTime);

        assertRefusedNaming(body, "validatedHoldTime");
        String id = Shippers.newId();
        Shippers.create(id).statusCode(201);
        Shippers.Rows before = Shippers.Rows.now();
        Shippers.update(id, "\"1\"", Shippers.changes(holdTime, true)).statusCode(400)
                .body("violations.field", equalTo(List.of("validatedHoldTime")));
        assertThat(Shippers.Rows.now()).isEqualTo(before);
    }

    @ParameterizedTest(name = "qualifiedUntil {0}")
    @ValueSource(strings = { "1999-12-31T23:59:59Z", "2100-01-01T00:00:00.000001Z", "+10000-01-01T00:00:00Z",
            "2099-12-31", "2099-12-31T00:00:00", "2099-12-31 00:00:00Z", "4102358400", "tomorrow", "" })
    void aQualificationEndThatIsNotAPlausibleInstantIsRefused(String qualifiedUntil) {
        Map<String, Object> body = new HashMap<>(Shippers.newShipper(Shippers.newId()));
        body.put("qualifiedUntil", qualifiedUntil);

        assertRefusedNaming(body, "qualifiedUntil");
    }

    @Test
    void numbersWhereTextBelongsAreRefused() {
        Map<String, Object> body = new HashMap<>(Shippers.newShipper(Shippers.newId()));
        body.put("validatedHoldTime", 864000);
        assertRefusedNaming(body, "validatedHoldTime");
        body = new HashMap<>(Shippers.newShipper(Shippers.newId()));
        body.put("qualifiedUntil", 4102358400L);
        assertRefusedNaming(body, "qualifiedUntil");
        body = new HashMap<>(Shippers.newShipper(Shippers.newId()));
        body.put("type", 0);
        assertRefusedNaming(body, "type");
    }

    @ParameterizedTest(name = "type {0}")
    @ValueSource(strings = { "FREEZER", "dry_shipper", "DRY_SHIPPER ", "COLD_BOX", "" })
    void anUnknownTypeIsRefused(String type) {
        Map<String, Object> body = new HashMap<>(Shippers.newShipper(Shippers.newId()));
        body.put("type", type);

        assertRefusedNaming(body, "type");
    }

    @ParameterizedTest(name = "id {0}")
    @ValueSource(strings = { "ds-0192", "DS", "-DS-0192", "DS 0192", "DS_0192", "<script>", "DS-0192' OR '1'='1",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "" })
    void anIdOfAnotherShapeIsRefused(String id) {
        assertRefusedNaming(Map.of("id", id, "type", "DRY_SHIPPER", "qualifiedUntil", "2030-06-30T00:00:00Z",
                "validatedHoldTime", "P10D"), "id");
    }

    @Test
    void everyMissingFieldIsListedAtOnce() {
        Shippers.Rows before = Shippers.Rows.now();

        Shippers.create(Map.of()).statusCode(400)
                .body("violations.field", equalTo(List.of("id", "qualifiedUntil", "type", "validatedHoldTime")));
        Shippers.create(Map.of("id", "<bad>", "type", "DRY_SHIPPER", "qualifiedUntil", "2030-06-30T00:00:00Z",
                "validatedHoldTime", "P90D")).statusCode(400)
                .body("violations.field", equalTo(List.of("id", "validatedHoldTime")));

        assertThat(Shippers.Rows.now()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "version", "active", "createdAt", "updatedAt", "revisedBy" })
    void fieldsTheServiceOwnsAreRefusedOnRegistration(String serverOwned) {
        Map<String, Object> body = new HashMap<>(Shippers.newShipper(Shippers.newId()));
        body.put(serverOwned, "2");

        assertRefusedNaming(body, serverOwned);
    }

    @Test
    void aChangeCannotRenameTheShipperOrOmitAValue() {
        String id = Shippers.newId();
        Shippers.create(id).statusCode(201);
        Map<String, Object> renamed = new HashMap<>(Shippers.changes("P10D", true));
        renamed.put("id", Shippers.newId());

        Shippers.update(id, "\"1\"", renamed).statusCode(400).body("violations[0].field", equalTo("id"));
        Shippers.update(id, "\"1\"", Map.of("type", "DRY_SHIPPER")).statusCode(400)
                .body("violations.field", hasItem("active"))
                .body("violations.field", hasItem("qualifiedUntil"))
                .body("violations.field", hasItem("validatedHoldTime"));
        Shippers.update("ds-0192", "\"1\"", Shippers.changes("P10D", true)).statusCode(400)
                .body("violations.field", equalTo(List.of("path.id")));

        assertThat(Shippers.revisionsOf(id)).isEqualTo(1);
    }

    /** A registration with {@code body} is an invalid request naming {@code field}, and writes nothing. */
    private static void assertRefusedNaming(Map<String, Object> body, String field) {
        Shippers.Rows before = Shippers.Rows.now();

        Shippers.create(body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:vein2vein:problem:invalid-request"))
                .body("violations.field", equalTo(List.of(field)));

        assertThat(Shippers.Rows.now()).isEqualTo(before);
    }
}
