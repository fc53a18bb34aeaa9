package org.vein2vein.platform.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.vein2vein.platform.idempotency.IdempotencyKeyEntity.ClientKey;

/**
 * The table of used keys. Reads and writes join the caller's transaction, which is the one of the
 * effect: a key and its effect are committed together or not at all.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** Most expired keys one purge transaction deletes, so that a purge never holds many locks for long. */
    static final int PURGE_BATCH = 1_000;

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final IdempotencyConfig config;
    private final Clock clock;

    public IdempotencyKeys(EntityManager entityManager, ObjectMapper mapper, IdempotencyConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Takes the key's transaction-scoped advisory lock, without waiting: false when a transaction
     * that is still running holds it, that is, when a request with this key is in flight.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean tryLock(ClientKey id) {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", lockOf(id))
                .getSingleResult();
    }

    /**
     * The answer stored for the key, unless it has expired, without taking its lock: an expired key is left
     * for the one who holds the lock to delete.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<StoredAnswer> findAnswered(ClientKey id) {
        return entityManager.createQuery("select k from IdempotencyKeyEntity k where k.id = :id and k.expiresAt > :now",
                IdempotencyKeyEntity.class)
                .setParameter("id", id)
                .setParameter("now", clock.instant())
                .getResultStream().findFirst().map(this::answerOf);
    }

    /**
     * The answer stored for the key, unless it has expired; an expired key is deleted here so it can be reused.
     * Only under the key's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<StoredAnswer> find(ClientKey id) {
        Instant now = clock.instant();
        entityManager.createQuery("delete from IdempotencyKeyEntity k where k.id = :id and k.expiresAt <= :now")
                .setParameter("id", id)
                .setParameter("now", now)
                .executeUpdate();
        return Optional.ofNullable(entityManager.find(IdempotencyKeyEntity.class, id)).map(this::answerOf);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void save(ClientKey id, StoredAnswer answer) {
        IdempotencyKeyEntity entity = new IdempotencyKeyEntity();
        entity.id = id;
        entity.requestFingerprint = answer.requestFingerprint();
        entity.responseStatus = answer.status();
        entity.responseHeaders = json(answer.headers());
        entity.responseBody = answer.body();
        entity.createdAt = clock.instant();
        entity.expiresAt = entity.createdAt.plus(config.retention());
        entityManager.persist(entity);
    }

    /**
     * Deletes the keys that expired before {@code now}, in transactions of at most
     * {@link #PURGE_BATCH} keys; returns how many. Rows another replica's purge, or a request, has
     * locked are skipped, so purges on several replicas neither wait for nor repeat one another.
     */
    public int purgeExpired(Instant now) {
        int purged = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                    delete from idempotency_key where (client_subject, client_organisation, idempotency_key) in (
                        select client_subject, client_organisation, idempotency_key from idempotency_key
                        where expires_at <= :now limit :batch for update skip locked)""")
                    .setParameter("now", now)
                    .setParameter("batch", PURGE_BATCH)
                    .executeUpdate());
            purged += batch;
        } while (batch == PURGE_BATCH);
        return purged;
    }

    private StoredAnswer answerOf(IdempotencyKeyEntity entity) {
        try {
            return new StoredAnswer(entity.requestFingerprint, entity.responseStatus,
                    mapper.readValue(entity.responseHeaders, HEADERS), entity.responseBody);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored response headers are always a JSON object of strings", e);
        }
    }

    private String json(Map<String, String> headers) {
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    /** 64 bits of SHA-256 over the client and key: every replica computes the same lock. */
    static long lockOf(ClientKey id) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { id.clientSubject, id.clientOrganisation, id.key }) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return ByteBuffer.wrap(sha256.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
