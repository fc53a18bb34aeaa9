-- Custody of units: where every unit is and which organisation holds it, kept as state in the
-- transaction of each custody event; and shipments, which move units between sites through
-- two-sided handovers. The ledger of each batch stays the audit record of both.

-- Collected material is a unit too, identified by its donation identification number (ISBT 128 DIN
-- with its check character), so that it can be located and shipped like bags and doses.
ALTER TABLE batch_unit DROP CONSTRAINT batch_unit_kind_check;
ALTER TABLE batch_unit ADD CONSTRAINT batch_unit_kind_check CHECK (kind IN ('MATERIAL', 'BAG', 'DOSE'));

-- Where the unit is: at a site (location_site) or on a shipment (shipment_id), never both; who holds
-- it (custodian, an organisation); since when. ended_by names the stage that ended the unit's life
-- as a unit (material consumed at FORMULATED, a lot's bag at SPLIT, a unit INFUSED, DESTROYED...):
-- an ended unit is nowhere a step can handle it. thawed_at: when it was thawed, if it was.
ALTER TABLE batch_unit ADD COLUMN location_site varchar(64);
ALTER TABLE batch_unit ADD COLUMN shipment_id varchar(16);
ALTER TABLE batch_unit ADD COLUMN custodian varchar(64);
ALTER TABLE batch_unit ADD COLUMN located_since timestamptz;
ALTER TABLE batch_unit ADD COLUMN ended_by varchar(40);
ALTER TABLE batch_unit ADD COLUMN thawed_at timestamptz;
ALTER TABLE batch_unit ADD CONSTRAINT batch_unit_one_place CHECK (location_site IS NULL OR shipment_id IS NULL);

-- Units recorded before this version, as far as their ledgers tell: collected material where it was
-- last received (else collected), consumed once the batch was formulated; bags and doses at the site
-- of the step that made them, or of the latest receipt at a treatment site after they were shipped.
INSERT INTO batch_unit (unit_id, coi, kind, created_at)
SELECT c.donation_id, c.coi, 'MATERIAL', c.collected_at FROM collection c
ON CONFLICT (unit_id) DO NOTHING;
UPDATE batch_unit u SET location_site = coalesce(
        (SELECT e.site FROM custody_event e WHERE e.coi = u.coi AND e.type = 'STEP_RECORDED'
         AND e.stage = 'RECEIVED_AT_MANUFACTURING' ORDER BY e.sequence DESC LIMIT 1), b.collection_site),
    located_since = u.created_at,
    ended_by = CASE WHEN EXISTS (SELECT 1 FROM batch_unit bag WHERE bag.coi = u.coi AND bag.kind = 'BAG')
                    THEN 'FORMULATED' END
FROM batch b WHERE b.coi = u.coi AND u.kind = 'MATERIAL';
UPDATE batch_unit u SET location_site = e.site, located_since = e.occurred_at
FROM custody_event e
WHERE e.coi = u.coi AND e.type = 'STEP_RECORDED'
  AND ((u.kind = 'BAG' AND e.stage = 'FORMULATED') OR (u.kind = 'DOSE' AND e.stage = 'SPLIT'));
UPDATE batch_unit u SET location_site = e.site, located_since = e.occurred_at
FROM (SELECT DISTINCT ON (coi) coi, site, occurred_at FROM custody_event
      WHERE type = 'STEP_RECORDED' AND stage = 'RECEIVED_AT_SITE' ORDER BY coi, sequence DESC) e
WHERE e.coi = u.coi AND u.shipped_at IS NOT NULL AND e.occurred_at >= u.shipped_at;
UPDATE batch_unit u SET ended_by = 'SPLIT'
WHERE u.kind = 'BAG' AND EXISTS (SELECT 1 FROM batch_unit d WHERE d.coi = u.coi AND d.kind = 'DOSE');
UPDATE batch_unit u SET ended_by = u.stage WHERE u.kind = 'DOSE' AND u.stage IN ('INFUSED', 'DESTROYED', 'CANCELLED');
UPDATE batch_unit u SET ended_by = b.stage FROM batch b
WHERE b.coi = u.coi AND u.ended_by IS NULL AND b.stage IN ('REJECTED', 'MANUFACTURING_FAILED', 'DESTROYED', 'CANCELLED');
UPDATE batch_unit u SET custodian = s.organisation FROM site s WHERE s.code = u.location_site;

-- A batch of an autologous therapy returns to its patient's treatment site; the collection site
-- unless registration names another. Allogeneic lots have none: each dose goes where its recipient is.
ALTER TABLE batch ADD COLUMN treatment_site varchar(64);
UPDATE batch SET treatment_site = collection_site WHERE type = 'AUTOLOGOUS';

-- An allogeneic dose goes to its recipient's treatment site, named when it is allocated.
ALTER TABLE batch_unit ADD COLUMN destination_site varchar(64);

-- A shipment: units of one or more batches moving from one site to another in one shipper, handed
-- from party to party. The service assigns the id; a courier's tracking number is an attribute only.
CREATE TABLE shipment (
    id                    varchar(16)  COLLATE "C" PRIMARY KEY CHECK (id ~ '^SHP-[0-9A-Z]{12}$'),
    origin_site           varchar(64)  NOT NULL,
    destination_site      varchar(64)  NOT NULL,
    courier               varchar(64)  NOT NULL,
    shipper_id            varchar(32)  NOT NULL,
    tracking_number       varchar(64),
    temperature_class     varchar(40)  NOT NULL,
    leg                   varchar(24)  NOT NULL CHECK (leg IN ('TO_MANUFACTURING', 'TO_TREATMENT_SITE')),
    status                varchar(16)  NOT NULL
        CHECK (status IN ('PLANNED', 'PACKED', 'PICKED_UP', 'DELIVERED', 'RECEIVED')),
    custodian             varchar(64)  NOT NULL,
    planned_pickup_at     timestamptz  NOT NULL,
    planned_arrival_at    timestamptz  NOT NULL,
    out_of_storage_since  timestamptz,
    packed_at             timestamptz,
    picked_up_at          timestamptz,
    delivered_at          timestamptz,
    received_at           timestamptz,
    arrival_condition     varchar(32),
    arrival_temperature_c numeric(5, 2),
    deviation_reference   varchar(64),
    created_by_id         varchar(64)  NOT NULL,
    created_by_org        varchar(64),
    created_at            timestamptz  NOT NULL,
    version               bigint       NOT NULL CHECK (version >= 1),
    CHECK (origin_site <> destination_site),
    CHECK (planned_arrival_at >= planned_pickup_at)
);
CREATE INDEX shipment_courier ON shipment (courier);
CREATE INDEX shipment_origin ON shipment (origin_site);
CREATE INDEX shipment_destination ON shipment (destination_site);

-- The units a shipment carries. "open" until the shipment is received: a unit is on at most one open
-- shipment, which the unique index keeps true also between concurrent requests.
CREATE TABLE shipment_unit (
    shipment_id varchar(16) NOT NULL REFERENCES shipment (id),
    unit_id     varchar(32) NOT NULL REFERENCES batch_unit (unit_id),
    coi         varchar(14) NOT NULL REFERENCES batch (coi),
    open        boolean     NOT NULL,
    PRIMARY KEY (shipment_id, unit_id)
);
CREATE UNIQUE INDEX shipment_unit_open_once ON shipment_unit (unit_id) WHERE open;
CREATE INDEX shipment_unit_coi ON shipment_unit (coi);

-- The two sides of every transfer of a shipment's custody: the party holding it releases it to the
-- next (released_*), which accepts it with the condition it observed (accepted_*). Until accepted,
-- the releasing party remains the custodian. A party is an organisation, at a site when it is one.
CREATE TABLE handover (
    shipment_id        varchar(16)  NOT NULL REFERENCES shipment (id),
    number             int          NOT NULL CHECK (number >= 1),
    from_organisation  varchar(64)  NOT NULL,
    from_site          varchar(64),
    to_organisation    varchar(64)  NOT NULL,
    to_site            varchar(64),
    place              varchar(120),
    released_at        timestamptz  NOT NULL,
    released_by_id     varchar(64)  NOT NULL,
    released_by_role   varchar(16)  NOT NULL,
    accepted_at        timestamptz,
    accepted_by_id     varchar(64),
    accepted_by_role   varchar(16),
    accepted_condition varchar(32),
    PRIMARY KEY (shipment_id, number),
    CHECK ((accepted_at IS NULL) = (accepted_by_id IS NULL))
);
-- At most one handover of a shipment waits for its acceptance.
CREATE UNIQUE INDEX handover_one_pending ON handover (shipment_id) WHERE accepted_at IS NULL;
