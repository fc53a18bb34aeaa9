package org.vein2vein.custody.application;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps references to patients, donors and recipients out of the ledger, and so off Kafka: each is
 * replaced by a keyed digest ({@code subjectReference} becomes {@code subjectReferenceDigest}:
 * {@code hmac-sha256:<hex>}). Equal references give equal digests, so QA can still see that the
 * patient scanned at the bedside is the one the batch was registered for, or that a refused scan
 * was someone else; nobody without the key can recompute a digest from a guessed reference. The
 * references themselves stay in the batch and unit records, served only to authorised roles.
 */
@ApplicationScoped
public class PseudonymousReferences {

    /** Members of event data that hold a patient's, donor's or recipient's pseudonymous reference. */
    public static final Set<String> MEMBERS = Set.of("subjectReference", "patientReference", "recipientReference",
            "donorReference");
    public static final String DIGEST_SUFFIX = "Digest";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "hmac-sha256:";

    private final EntityManager entityManager;
    private volatile SecretKeySpec key;

    public PseudonymousReferences(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A copy of {@code data} with every reference member, at any depth, replaced by its digest. */
    public ObjectNode digested(ObjectNode data) {
        ObjectNode copy = data.deepCopy();
        replaceIn(copy);
        return copy;
    }

    /** The digest that stands for {@code reference} in event data. */
    public String digest(String reference) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(reference.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime provides " + ALGORITHM, e);
        }
    }

    private void replaceIn(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> members = new ArrayList<>();
            object.fieldNames().forEachRemaining(members::add);
            for (String member : members) {
                JsonNode value = object.get(member);
                if (MEMBERS.contains(member) && value.isTextual()) {
                    object.remove(member);
                    object.put(member + DIGEST_SUFFIX, digest(value.asText()));
                } else {
                    replaceIn(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(this::replaceIn);
        }
    }

    /** Read once: the key never changes (see migration V9). */
    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            String secret = (String) entityManager
                    .createNativeQuery("select secret from pseudonym_digest_key where id = 1").getSingleResult();
            current = new SecretKeySpec(HexFormat.of().parseHex(secret), ALGORITHM);
            key = current;
        }
        return current;
    }
}
