package org.vein2vein.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;

/**
 * A database superuser can get past the append-only triggers. Whatever they change, remove or
 * reorder, reading the ledger answers 200 with a verification that says where it breaks and what
 * was expected there — never a 500, never "intact".
 */
@QuarkusTest
class LedgerTamperingTest {

    @Test
    void anUntouchedLedgerIsIntactAndEndsWhereTheServiceAppended() {
        String coi = batchWithFourEvents("PSN-TAMPER-00");
        JsonPath verification = verification(coi);
        assertThat(verification.getBoolean("intact")).isTrue();
        assertThat(verification.getLong("verifiedEvents")).isEqualTo(4);
        assertThat(verification.getMap("failure")).isNull();
    }

    @Test
    void anEditedPayloadIsReportedAsAHashMismatchAtItsEvent() {
        String coi = batchWithFourEvents("PSN-TAMPER-01");
        tamper("update custody_event set payload = replace(payload, 'SITE-LYON-01', 'SITE-ELSEWHERE') "
                + "where coi = '" + coi + "' and sequence = 1");
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, 1, "HASH_MISMATCH");
        assertThat(verification.getString("failure.found.hash")).hasSize(64);
        assertThat(verification.getString("failure.expected.hash")).isNotEqualTo(
                verification.getString("failure.found.hash"));
    }

    @Test
    void aPayloadThatIsNotJsonIsReportedAndTheEventStillRead() {
        String coi = batchWithFourEvents("PSN-TAMPER-02");
        tamper("update custody_event set payload = 'not json at all' where coi = '" + coi + "' and sequence = 2");
        JsonPath history = Api.custody(coi).statusCode(200).extract().jsonPath();
        assertBrokenAt(history.setRootPath("verification"), 2, "PAYLOAD_NOT_JSON");
        JsonPath event = Api.given().get("/api/v1/batches/{coi}/custody/2", coi).then().statusCode(200)
                .extract().jsonPath();
        assertThat(event.getString("unreadablePayload")).isEqualTo("not json at all");
        assertThat(event.getString("data")).isNull();
    }

    @Test
    void aDeletedMiddleEventIsReportedAsTheMissingSequence() {
        String coi = batchWithFourEvents("PSN-TAMPER-03");
        tamper("delete from custody_event where coi = '" + coi + "' and sequence = 2");
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, 2, "SEQUENCE_MISMATCH");
        assertThat(verification.getLong("failure.expected.sequence")).isEqualTo(2);
        assertThat(verification.getLong("failure.found.sequence")).isEqualTo(3);
    }

    @Test
    void aDeletedNewestEventIsReportedAgainstTheHeadTheServiceRecorded() {
        String coi = batchWithFourEvents("PSN-TAMPER-04");
        tamper("delete from custody_event where coi = '" + coi + "' and sequence = 4");
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, 4, "NEWEST_EVENTS_MISSING");
        assertThat(verification.getLong("verifiedEvents")).isEqualTo(3);
        assertThat(verification.getLong("failure.expected.sequence")).isEqualTo(4);
        assertThat(verification.getLong("failure.found.sequence")).isEqualTo(3);
    }

    @Test
    void aDeletedNewestEventWithTheRecordedHeadMovedBackIsReportedByTheBatchState() {
        String coi = batchWithFourEvents("PSN-TAMPER-05");
        tamper("delete from custody_event where coi = '" + coi + "' and sequence = 4; "
                + "update ledger_head h set sequence = 3, hash = e.hash from custody_event e "
                + "where h.coi = '" + coi + "' and e.coi = h.coi and e.sequence = 3");
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, 4, "BATCH_STATE_MISMATCH");
        assertThat(verification.getString("failure.expected.stage")).isEqualTo("RECEIVED_AT_MANUFACTURING");
        assertThat(verification.getString("failure.found.stage")).isEqualTo("(no such event)");
    }

    @Test
    void swappedEventsAreReportedAtTheFirstOneOutOfPlace() {
        String coi = batchWithFourEvents("PSN-TAMPER-06");
        String where = " where coi = '" + coi + "' and sequence = ";
        tamper("update custody_event set sequence = 100" + where + "2; update custody_event set sequence = 2" + where
                + "3; update custody_event set sequence = 3" + where + "100");
        assertBrokenAt(verification(coi), 2, "PREVIOUS_HASH_MISMATCH");
    }

    @Test
    void aBatchMovedToAnotherStageBehindTheLedgersBackIsReported() {
        String coi = batchWithFourEvents("PSN-TAMPER-07");
        tamper("update batch set stage = 'RELEASED' where coi = '" + coi + "'");
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, 4, "BATCH_STATE_MISMATCH");
        assertThat(verification.getString("failure.expected.stage")).isEqualTo("RELEASED");
        assertThat(verification.getString("failure.found.stage")).isEqualTo("RECEIVED_AT_MANUFACTURING");
    }

    /** ORDERED, COLLECTED, SHIPPED_TO_MANUFACTURING, RECEIVED_AT_MANUFACTURING. */
    private static String batchWithFourEvents(String subject) {
        String coi = Api.registerAutologous(subject);
        for (String stage : new String[] { "COLLECTED", "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING" }) {
            Api.logStep(coi, stage).statusCode(201);
        }
        return coi;
    }

    private static JsonPath verification(String coi) {
        return Api.custody(coi).statusCode(200).extract().jsonPath().setRootPath("verification");
    }

    private static void assertBrokenAt(JsonPath verification, long sequence, String reason) {
        assertThat(verification.getBoolean("intact")).isFalse();
        assertThat(verification.getLong("firstBrokenSequence")).isEqualTo(sequence);
        assertThat(verification.getString("failure.reason")).isEqualTo(reason);
        assertThat(verification.getString("failure.detail")).isNotBlank();
    }

    /** As a superuser would: with the append-only triggers switched off for this session only. */
    private static void tamper(String statements) {
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute(statements);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
