package org.vein2vein.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import io.vertx.core.http.HttpServerRequest;

import org.vein2vein.platform.idempotency.IdempotencyKeyEntity.ClientKey;
import org.vein2vein.platform.persistence.WriteTransactions;
import org.vein2vein.platform.problem.Problem;
import org.vein2vein.platform.problem.ProblemException;
import org.vein2vein.platform.problem.ProblemType;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.CurrentCaller;

/**
 * Runs the effect of a POST at most once per {@code Idempotency-Key} (IETF
 * draft-ietf-httpapi-idempotency-key-header), in a {@link WriteTransactions write transaction}. The
 * key's lock, its lookup, the effect and the stored answer share that transaction, so a key never
 * exists without its effect nor an effect without its key.
 *
 * <ul>
 * <li>a retry of the same request (method, path and JSON body) gets the stored answer again, without
 * taking the lock: retries of an answered request never block one another;</li>
 * <li>the key sent with a different request is refused with 422 {@code idempotency-key-reused};</li>
 * <li>while the first request still runs, a retry is refused with 409 {@code request-in-flight};</li>
 * <li>a 2xx answer is stored, and a refusal whose attempt is recorded (returned, not thrown); any
 * other refusal writes nothing, and its retry is decided anew.</li>
 * </ul>
 */
@ApplicationScoped
public class IdempotentExecution {

    public static final String HEADER = "Idempotency-Key";
    /** Marks an answer that was stored by an earlier request with the same key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The headers of an answer that describe its result; the others are the transport's. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotencyKeys keys;
    private final WriteTransactions transactions;
    private final CurrentCaller caller;
    private final HttpServerRequest request;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;

    public IdempotentExecution(IdempotencyKeys keys, WriteTransactions transactions, CurrentCaller caller,
            HttpServerRequest request, ObjectMapper mapper) {
        this.keys = keys;
        this.transactions = transactions;
        this.caller = caller;
        this.request = request;
        this.mapper = mapper;
        // Member order and whitespace do not make a different request.
        this.canonical = mapper.copy().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
    }

    /**
     * Answers the current request with {@code effect}, or, when its key has answered it before,
     * with that answer.
     *
     * @param keyHeader the request's {@code Idempotency-Key}, or null when it sent none
     * @param body      the request body as read, which with the method and path identifies the request
     * @param effect    does the work and answers; runs in the transaction that stores its answer
     */
    public Response run(String keyHeader, Object body, Supplier<Response> effect) {
        // The runtime passes an empty header as none at all; an empty key is still a malformed one.
        String header = keyHeader != null ? keyHeader : request.getHeader(HEADER);
        if (header == null) {
            return transactions.run(effect);
        }
        Caller client = caller.get();
        ClientKey id = new ClientKey(client.id(), client.organisation(), IdempotencyKey.parse(header).value());
        String fingerprint = fingerprint(body);
        // Once the first request has been answered, its retries replay the answer without the key's lock, so
        // that any number of them at once never refuse one another.
        Optional<StoredAnswer> answered = keys.findAnswered(id);
        if (answered.isPresent()) {
            return replay(answered.get(), fingerprint);
        }
        return transactions.run(() -> once(id, fingerprint, effect));
    }

    private Response once(ClientKey id, String fingerprint, Supplier<Response> effect) {
        if (!keys.tryLock(id)) {
            // The request that holds the lock may have committed its answer since the key was looked up.
            return keys.findAnswered(id).map(stored -> replay(stored, fingerprint))
                    .orElseThrow(() -> new ProblemException(Problem.of(ProblemType.REQUEST_IN_FLIGHT, "A request "
                            + "with this " + HEADER + " is still being processed. Retry once it has been answered to "
                            + "receive its answer.")));
        }
        Optional<StoredAnswer> stored = keys.find(id);
        if (stored.isPresent()) {
            return replay(stored.get(), fingerprint);
        }
        // A refusal that writes nothing is thrown, and rolls back. An answer the effect returns was
        // recorded, even a refusal (a rejected attempt is kept in the ledger): a retry replays it.
        Response response = effect.get();
        StoredAnswer answer = new StoredAnswer(fingerprint, response.getStatus(), keptHeaders(response),
                json(mapper, response.getEntity()));
        keys.save(id, answer);
        // The first answer is sent from the stored text too, so that every replay is identical to it.
        return answer.toResponse();
    }

    /** The stored answer again, if the key was used for this very request. */
    private static Response replay(StoredAnswer stored, String fingerprint) {
        if (!stored.requestFingerprint().equals(fingerprint)) {
            throw new ProblemException(Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, "This " + HEADER
                    + " was used for a different request (another body, method or path). Send a new key "
                    + "for a new request."));
        }
        return Response.fromResponse(stored.toResponse()).header(REPLAYED_HEADER, "true").build();
    }

    private static Map<String, String> keptHeaders(Response response) {
        Map<String, String> kept = new TreeMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return kept;
    }

    private String fingerprint(Object body) {
        String text = request.method().name() + " " + request.path() + "\n"
                + json(canonical, mapper.valueToTree(body));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String json(ObjectMapper writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Inside the transaction: it rolls back, and the answer says nothing was recorded.
            throw new IllegalStateException("the answer could not be written as JSON", e);
        }
    }
}
