package org.vein2vein.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.vein2vein.platform.idempotency.IdempotencyKeyEntity.ClientKey;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.testing.Api;
import org.vein2vein.testing.Database;
import org.vein2vein.testing.Tokens;

/** Retries of a request that has been answered: however many come at once, each replays its answer. */
@QuarkusTest
class ConcurrentReplaysTest {

    private static final int CONCURRENT_RETRIES = 50;
    /** A technician of these tests alone, so that their bursts stay within one client's rate limit. */
    private static final String TECHNICIAN = "tech-replays";

    @TestHTTPResource("/api/v1/batches")
    URI batches;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = Tokens.token(TECHNICIAN, Roles.TECHNICIAN, Tokens.TECHNICIAN_ORGANISATION,
            Tokens.TEST_SITES);

    @Test
    void fiftyRetriesAtOnceOfAnAnsweredStepAllReplayItsAnswer() {
        String coi = Api.registerAutologous("PSN-REPLAY-01");
        String key = IdempotentWritesTest.newKey();
        String step = IdempotentWritesTest.collected(Instant.now());
        HttpResponse<String> original = logStep(coi, key, step).join();
        assertThat(original.statusCode()).isEqualTo(201);

        List<HttpResponse<String>> retries = IntStream.range(0, CONCURRENT_RETRIES)
                .mapToObj(i -> logStep(coi, key, step)).toList()
                .stream().map(CompletableFuture::join).toList();

        assertThat(retries).allSatisfy(retry -> {
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
            assertThat(retry.headers().firstValue(IdempotentExecution.REPLAYED_HEADER)).hasValue("true");
            assertThat(retry.body()).isEqualTo(original.body());
            assertThat(retry.headers().firstValue("Location")).isEqualTo(original.headers().firstValue("Location"));
            assertThat(retry.headers().firstValue("ETag")).isEqualTo(original.headers().firstValue("ETag"));
        });
        assertThat(Database.count("select count(*) from custody_event where coi = '" + coi + "'"))
                .as("registration and one step").isEqualTo(2);
    }

    @Test
    void aRetryReplaysItsAnswerWhileAnotherTransactionHoldsTheKeysLock() throws Exception {
        String coi = Api.registerAutologous("PSN-REPLAY-02");
        String key = IdempotentWritesTest.newKey();
        String step = IdempotentWritesTest.collected(Instant.now());
        HttpResponse<String> original = logStep(coi, key, step).join();
        assertThat(original.statusCode()).isEqualTo(201);

        HttpResponse<String> retry;
        try (Connection other = Database.connect();
                PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
            // As another retry of the key would, if retries took its lock.
            other.setAutoCommit(false);
            lock.setLong(1, IdempotencyKeys.lockOf(new ClientKey(TECHNICIAN, Tokens.TECHNICIAN_ORGANISATION, key)));
            lock.execute();
            retry = logStep(coi, key, step).join();
            other.rollback();
        }

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue(IdempotentExecution.REPLAYED_HEADER)).hasValue("true");
        assertThat(retry.body()).isEqualTo(original.body());
    }

    private CompletableFuture<HttpResponse<String>> logStep(String coi, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(batches + "/" + coi + "/steps"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header(IdempotentExecution.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
