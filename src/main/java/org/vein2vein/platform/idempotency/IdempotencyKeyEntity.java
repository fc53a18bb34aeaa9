package org.vein2vein.platform.idempotency;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A key a client has used, with the request it was used for and the answer that request got. */
@Entity
@Table(name = "idempotency_key")
class IdempotencyKeyEntity {

    @EmbeddedId
    ClientKey id;

    @Column(name = "request_fingerprint", nullable = false, length = 64)
    String requestFingerprint;

    @Column(name = "response_status", nullable = false)
    int responseStatus;

    @Column(name = "response_headers", nullable = false, columnDefinition = "text")
    String responseHeaders;

    @Column(name = "response_body", nullable = false, columnDefinition = "text")
    String responseBody;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    /** A key is scoped to the client that sent it: the token's subject within its organisation. */
    @Embeddable
    static class ClientKey implements Serializable {

        @Column(name = "client_subject", nullable = false, columnDefinition = "text")
        String clientSubject;

        @Column(name = "client_organisation", nullable = false, columnDefinition = "text")
        String clientOrganisation;

        @Column(name = "idempotency_key", nullable = false, length = IdempotencyKey.MAX_LENGTH)
        String key;

        protected ClientKey() {
        }

        ClientKey(String clientSubject, String clientOrganisation, String key) {
            this.clientSubject = clientSubject;
            this.clientOrganisation = clientOrganisation;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ClientKey that && clientSubject.equals(that.clientSubject)
                    && clientOrganisation.equals(that.clientOrganisation) && key.equals(that.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientSubject, clientOrganisation, key);
        }
    }
}
