-- Batches: the current state of each therapy, kept in step with its custody ledger.
CREATE TABLE batch (
    coi               varchar(14)  PRIMARY KEY,
    type              varchar(16)  NOT NULL CHECK (type IN ('AUTOLOGOUS', 'ALLOGENEIC')),
    subject_reference varchar(64)  NOT NULL,
    product_code      varchar(32)  NOT NULL,
    collection_site   varchar(64)  NOT NULL,
    stage             varchar(40)  NOT NULL,
    resume_stage      varchar(40),
    registered_at     timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL DEFAULT 0
);
CREATE INDEX batch_subject_reference_idx ON batch (subject_reference);

-- The sites a batch has been at or is on its way to: a technician sees the batches of their sites.
CREATE TABLE batch_site (
    coi  varchar(14) NOT NULL REFERENCES batch (coi),
    site varchar(64) NOT NULL,
    PRIMARY KEY (coi, site)
);
CREATE INDEX batch_site_site_idx ON batch_site (site);

-- The custody ledger: append-only, hash-chained per batch, gapless sequence per batch.
CREATE TABLE custody_event (
    event_id      uuid         PRIMARY KEY,
    coi           varchar(14)  NOT NULL REFERENCES batch (coi),
    sequence      bigint       NOT NULL CHECK (sequence >= 1),
    type          varchar(40)  NOT NULL,
    stage         varchar(40)  NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    recorded_at   timestamptz  NOT NULL,
    actor_id           varchar(128) NOT NULL,
    actor_role         varchar(32)  NOT NULL,
    actor_organisation varchar(128) NOT NULL,
    site          varchar(64)  NOT NULL,
    payload       text         NOT NULL,
    previous_hash varchar(64)  NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    hash          varchar(64)  NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT custody_event_sequence_unique UNIQUE (coi, sequence)
);

-- Corrections are new events, never edits: the database itself refuses to change or remove one.
CREATE FUNCTION custody_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'custody_event is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER custody_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON custody_event
    FOR EACH ROW EXECUTE FUNCTION custody_event_refuse_change();

CREATE TRIGGER custody_event_no_truncate
    BEFORE TRUNCATE ON custody_event
    FOR EACH STATEMENT EXECUTE FUNCTION custody_event_refuse_change();

-- Transactional outbox: written with the ledger event, published to Kafka by the relay.
-- "id" orders rows within a lane; a lane groups aggregates so that one relay at a time owns
-- their order. "extensions" holds CloudEvents extension attributes as a JSON object of strings.
CREATE TABLE outbox_message (
    id            bigserial    PRIMARY KEY,
    event_id      uuid         NOT NULL UNIQUE,
    aggregate_id  varchar(64)  NOT NULL,
    lane          smallint     NOT NULL,
    event_type    varchar(128) NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    extensions    text         NOT NULL,
    created_at    timestamptz  NOT NULL,
    payload       text         NOT NULL,
    published_at  timestamptz
);
CREATE INDEX outbox_message_pending_idx ON outbox_message (lane, id) WHERE published_at IS NULL;
CREATE INDEX outbox_message_published_idx ON outbox_message (published_at) WHERE published_at IS NOT NULL;
