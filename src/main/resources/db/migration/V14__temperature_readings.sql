-- Temperature readings of shipments: sensor data from the data loggers travelling in the shippers, not
-- ledger events (docs/shipments.md, "Temperature readings").

-- A logger measures one value at a time: its id and the reading's time identify a reading, so a reading
-- sent again is stored once, and the value stored first is kept. No foreign key to shipment: the service
-- checks the shipment before it writes, and a key checked row by row would cost every bulk upload a lookup
-- per reading; shipments are never deleted.
CREATE TABLE temperature_reading (
    logger_id   varchar(64)   COLLATE "C" NOT NULL,
    recorded_at timestamptz   NOT NULL,
    shipment_id varchar(16)   COLLATE "C" NOT NULL,
    celsius     numeric(5, 2) NOT NULL,
    PRIMARY KEY (logger_id, recorded_at)
);
-- A shipment's readings in time order (pages, buckets, summaries), read from the index alone.
CREATE INDEX temperature_reading_shipment_time ON temperature_reading (shipment_id, recorded_at, logger_id)
    INCLUDE (celsius);

-- Each excursion of a shipment's temperature out of its class, recorded once, when first found: the run of
-- consecutive out-of-range readings of one logger from its first to its last reading, and the reading
-- furthest outside the class. Readings that arrive later and continue the run extend it.
CREATE TABLE temperature_excursion (
    id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id     varchar(16)   COLLATE "C" NOT NULL REFERENCES shipment (id),
    logger_id       varchar(64)   COLLATE "C" NOT NULL,
    started_at      timestamptz   NOT NULL,
    ended_at        timestamptz   NOT NULL,
    extreme_celsius numeric(5, 2) NOT NULL,
    detected_at     timestamptz   NOT NULL,
    CHECK (ended_at >= started_at),
    UNIQUE (shipment_id, logger_id, started_at)
);
