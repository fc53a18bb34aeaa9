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

    /** The sequence of the newest event of {@link #receivedBatch}: its receipt at manufacturing. */
    private static final long NEWEST = 7;

    @Test
    void anUntouchedLedgerIsIntactAndEndsWhereTheServiceAppended() {
        String coi = receivedBatch("PSN-TAMPER-00");
        JsonPath verification = verification(coi);
        assertThat(verification.getBoolean("intact")).isTrue();
        assertThat(verification.getLong("verifiedEvents")).isEqualTo(NEWEST);
        assertThat(verification.getMap("failure")).isNull();
    }

    @Test
    void anEditedPayloadIsReportedAsAHashMismatchAtItsEvent() {
        String coi = receivedBatch("PSN-TAMPER-01");
        tamper("update custody_event set payload = replace(payload, 'SITE-LYON-01', 'SITE-ELSEWHERE') "
                + "where coi = '" + coi + "' and sequence = 1");
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, 1, "HASH_MISMATCH");
        assertThat(verification.getString("failure.found.hash")).hasSize(64);
        assertThat(verification.getString("failure.expected.hash")).isNotEqualTo(
                verification.getString("failure.found.hash"));
    }

    @Test
    void anEditedHandoverIsReportedAsAHashMismatchAtItsEvent() {
        String coi = receivedBatch("PSN-TAMPER-08");
        // Event 5: the courier accepted the shipment at pickup; someone claims another courier did.
        tamper("update custody_event set payload = replace(payload, 'CRYO-COURIER-1', 'CRYO-COURIER-9') "
                + "where coi = '" + coi + "' and sequence = 5 and type = 'HANDOVER_ACCEPTED'");
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, 5, "HASH_MISMATCH");
    }

    @Test
    void aPayloadThatIsNotJsonIsReportedAndTheEventStillRead() {
        String coi = receivedBatch("PSN-TAMPER-02");
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
        String coi = receivedBatch("PSN-TAMPER-03");
        tamper("delete from custody_event where coi = '" + coi + "' and sequence = 2");
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, 2, "SEQUENCE_MISMATCH");
        assertThat(verification.getLong("failure.expected.sequence")).isEqualTo(2);
        assertThat(verification.getLong("failure.found.sequence")).isEqualTo(3);
    }

    @Test
    void aDeletedNewestEventIsReportedAgainstTheHeadTheServiceRecorded() {
        String coi = receivedBatch("PSN-TAMPER-04");
        tamper("delete from custody_event where coi = '" + coi + "' and sequence = " + NEWEST);
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, NEWEST, "NEWEST_EVENTS_MISSING");
        assertThat(verification.getLong("verifiedEvents")).isEqualTo(NEWEST - 1);
        assertThat(verification.getLong("failure.expected.sequence")).isEqualTo(NEWEST);
        assertThat(verification.getLong("failure.found.sequence")).isEqualTo(NEWEST - 1);
    }

    @Test
    void aDeletedNewestEventWithTheRecordedHeadMovedBackIsReportedByTheBatchState() {
        String coi = receivedBatch("PSN-TAMPER-05");
        tamper("delete from custody_event where coi = '" + coi + "' and sequence = " + NEWEST + "; "
                + "update ledger_head h set sequence = " + (NEWEST - 1) + ", hash = e.hash from custody_event e "
                + "where h.coi = '" + coi + "' and e.coi = h.coi and e.sequence = " + (NEWEST - 1));
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, NEWEST, "BATCH_STATE_MISMATCH");
        assertThat(verification.getString("failure.expected.stage")).isEqualTo("RECEIVED_AT_MANUFACTURING");
        assertThat(verification.getString("failure.found.stage")).isEqualTo("(no such event)");
    }

    @Test
    void swappedEventsAreReportedAtTheFirstOneOutOfPlace() {
        String coi = receivedBatch("PSN-TAMPER-06");
        String where = " where coi = '" + coi + "' and sequence = ";
        tamper("update custody_event set sequence = 100" + where + "2; update custody_event set sequence = 2" + where
                + "3; update custody_event set sequence = 3" + where + "100");
        assertBrokenAt(verification(coi), 2, "PREVIOUS_HASH_MISMATCH");
    }

    @Test
    void aBatchMovedToAnotherStageBehindTheLedgersBackIsReported() {
        String coi = receivedBatch("PSN-TAMPER-07");
        tamper("update batch set stage = 'RELEASED' where coi = '" + coi + "'");
        JsonPath verification = verification(coi);
        assertBrokenAt(verification, NEWEST, "BATCH_STATE_MISMATCH");
        assertThat(verification.getString("failure.expected.stage")).isEqualTo("RELEASED");
        assertThat(verification.getString("failure.found.stage")).isEqualTo("RECEIVED_AT_MANUFACTURING");
    }

    /**
     * A batch received at manufacturing, through a shipment: ORDERED, COLLECTED, SHIPPED_TO_MANUFACTURING
     * (packed), the handovers of its pickup (released, accepted) and delivery (released), and
     * RECEIVED_AT_MANUFACTURING, the newest event, which set the batch's stage.
     */
    private static String receivedBatch(String subject) {
        String coi = Api.registerAutologous(subject);
        for (String stage : new String[] { "COLLECTED", "SHIPPED_TO_MANUFACTURING", "RECEIVED_AT_MANUFACTURING" }) {
            Api.advance(coi, stage);
        }
        JsonPath history = Api.custody(coi).statusCode(200).extract().jsonPath();
        assertThat(history.getList("events.type")).containsExactly("BATCH_REGISTERED", "STEP_RECORDED",
                "STEP_RECORDED", "HANDOVER_RELEASED", "HANDOVER_ACCEPTED", "HANDOVER_RELEASED", "STEP_RECORDED");
        assertThat(history.getString("events[" + (NEWEST - 1) + "].stage")).isEqualTo("RECEIVED_AT_MANUFACTURING");
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
