-- What the service records beside each ledger, in the same transaction as every append, so that
-- verification can see the end of a ledger as well as its links: removing the newest events (which
-- leaves a chain that still holds) no longer goes unnoticed.

-- The newest event the service appended to each batch's ledger.
CREATE TABLE ledger_head (
    coi              varchar(14) PRIMARY KEY REFERENCES batch (coi),
    sequence         bigint      NOT NULL CHECK (sequence >= 1),
    hash             varchar(64) NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    last_occurred_at timestamptz NOT NULL
);
INSERT INTO ledger_head (coi, sequence, hash, last_occurred_at)
SELECT DISTINCT ON (coi) coi, sequence, hash, occurred_at FROM custody_event ORDER BY coi, sequence DESC;

-- The event that put the batch at its current stage (its state, not a dose's).
ALTER TABLE batch ADD COLUMN state_sequence bigint;
UPDATE batch b SET state_sequence = (
    SELECT max(e.sequence) FROM custody_event e
    WHERE e.coi = b.coi AND e.stage = b.stage AND e.type IN ('BATCH_REGISTERED', 'STEP_RECORDED'));
