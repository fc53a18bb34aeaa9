-- The units of a batch: the bags an autologous product is formulated into, and the doses an
-- allogeneic lot is split into. A unit id is printed on its label and unique across all batches.
-- Doses travel on their own once the lot is stored: each has its own stage, and is allocated to
-- one recipient (pseudonymous) before it ships, never to a second one.
CREATE TABLE batch_unit (
    unit_id             varchar(32)  PRIMARY KEY CHECK (unit_id ~ '^[A-Z0-9][A-Z0-9*-]{2,31}$'),
    coi                 varchar(14)  NOT NULL REFERENCES batch (coi),
    kind                varchar(8)   NOT NULL CHECK (kind IN ('BAG', 'DOSE')),
    stage               varchar(40),
    resume_stage        varchar(40),
    recipient_reference varchar(64),
    allocated_at        timestamptz,
    created_at          timestamptz  NOT NULL,
    CONSTRAINT batch_unit_dose_has_stage CHECK ((kind = 'DOSE') = (stage IS NOT NULL)),
    CONSTRAINT batch_unit_allocated_once CHECK ((recipient_reference IS NULL) = (allocated_at IS NULL))
);

CREATE INDEX batch_unit_coi ON batch_unit (coi);
CREATE INDEX batch_unit_recipient ON batch_unit (recipient_reference) WHERE recipient_reference IS NOT NULL;

-- Each collection of a batch, by its ISBT 128 donation identification number (unique worldwide).
CREATE TABLE collection (
    donation_id  varchar(14)  PRIMARY KEY,
    coi          varchar(14)  NOT NULL REFERENCES batch (coi),
    collected_at timestamptz  NOT NULL
);

CREATE INDEX collection_coi ON collection (coi);

-- Genealogy reads a donor's lots by the donor's pseudonymous reference.
CREATE INDEX batch_subject_reference ON batch (subject_reference);
