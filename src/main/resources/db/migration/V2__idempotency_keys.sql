-- Idempotency keys: the answer a POST sent with an Idempotency-Key got, so that its retries get it
-- again instead of repeating the effect. Written in the transaction of the effect itself; only
-- successful answers are kept. A key is scoped to its client (token subject and organisation) and
-- purged after vein2vein.idempotency.retention.
CREATE TABLE idempotency_key (
    client_subject      text         NOT NULL,
    client_organisation text         NOT NULL,
    idempotency_key     varchar(255) NOT NULL,
    request_fingerprint varchar(64)  NOT NULL CHECK (request_fingerprint ~ '^[0-9a-f]{64}$'),
    response_status     integer      NOT NULL CHECK (response_status BETWEEN 200 AND 299),
    response_headers    text         NOT NULL,
    response_body       text         NOT NULL,
    created_at          timestamptz  NOT NULL,
    expires_at          timestamptz  NOT NULL,
    PRIMARY KEY (client_subject, client_organisation, idempotency_key)
);
CREATE INDEX idempotency_key_expires_at_idx ON idempotency_key (expires_at);
