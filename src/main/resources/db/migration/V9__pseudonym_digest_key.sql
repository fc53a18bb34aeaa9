-- The key of the keyed digests (HMAC-SHA256) that stand for patient, donor and recipient references
-- in ledger events, and so on Kafka: equal references give equal digests, so the ledger can be compared
-- with the batch record, but a reader of the topic cannot recompute them. The key stays in this
-- database, which holds the references themselves anyway. 256 bits: the SHA-256 of three random UUIDs
-- (366 random bits from PostgreSQL's strong random source; gen_random_bytes would need pgcrypto).
CREATE TABLE pseudonym_digest_key (
    id     smallint PRIMARY KEY CHECK (id = 1),
    secret varchar(64) NOT NULL CHECK (secret ~ '^[0-9a-f]{64}$')
);
INSERT INTO pseudonym_digest_key (id, secret)
SELECT 1, encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text,
    'UTF8')), 'hex');
