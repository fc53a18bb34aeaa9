package org.vein2vein.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.testing.RawConnection;
import org.vein2vein.testing.Tokens;

/**
 * A client that closes its connection in the middle of its request body is not an incident: the
 * service notes it in one line at DEBUG, with no stack trace and no ERROR (the test profile logs this
 * package at DEBUG, so that the note can be awaited).
 */
@QuarkusTest
class AbortedUploadsTest {

    /** Only this test sends writes to sites that it abandons: its notes name this path. */
    private static final String SITES = "/api/v1/sites";

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
            records.add(logRecord);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void recordLogs() {
        Logger.getLogger("").addHandler(recorder);
    }

    @AfterEach
    void stopRecording() {
        Logger.getLogger("").removeHandler(recorder);
    }

    @Test
    void uploadsAbortedMidBodyAreNotedWithoutAnIncident() {
        // A large body is read on a worker thread, a small one on the event loop: both are cut short.
        abortUpload(300_000, 100_000);
        abortUpload(3_000, 100);

        await().atMost(Duration.ofSeconds(20)).until(() -> clientClosedNotes().size() == 2);
        // Other tests' batches may log warnings meanwhile (a breached time window): none has a stack trace.
        assertThat(records).filteredOn(r -> r.getLevel().intValue() >= Level.WARNING.intValue()
                && (r.getThrown() != null || String.valueOf(r.getMessage()).contains("incident")))
                .as("incidents, warnings or errors with a stack trace").isEmpty();
        assertThat(clientClosedNotes()).allSatisfy(note -> {
            assertThat(note.getLevel().intValue()).isLessThan(Level.INFO.intValue());
            assertThat(note.getThrown()).isNull();
        });
    }

    private List<LogRecord> clientClosedNotes() {
        return records.stream().filter(r -> r instanceof ExtLogRecord message
                && message.getFormattedMessage().contains("closed the connection of " + SITES + " ")).toList();
    }

    /** Sends part of a body once the service has begun to read it (it says so with 100 Continue), and leaves. */
    private static void abortUpload(int declaredLength, int sentLength) {
        try (RawConnection connection = RawConnection.open()) {
            connection.send("POST " + SITES + " HTTP/1.1\r\nHost: vein2vein\r\nAuthorization: Bearer "
                    + Tokens.admin() + "\r\nContent-Type: application/json\r\nContent-Length: " + declaredLength
                    + "\r\nExpect: 100-continue\r\n\r\n");
            assertThat(connection.readHead()).isEqualTo("HTTP/1.1 100 Continue");
            connection.send("{\"code\": \"SITE-ABORT-01\", \"name\": \"" + "P".repeat(sentLength));
        }
    }
}
