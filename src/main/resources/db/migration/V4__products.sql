-- Products: each definition is saved as a new, never-changed version; "product" points at the
-- current one. A batch is pinned to the version it was registered with, so that changing a
-- definition never changes the rules of batches already under way.
CREATE TABLE product (
    code            varchar(32)  PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    type            varchar(16)  NOT NULL CHECK (type IN ('AUTOLOGOUS', 'ALLOGENEIC')),
    current_version integer      NOT NULL CHECK (current_version >= 1),
    updated_at      timestamptz  NOT NULL
);

-- "definition" holds the stage plan, temperature classes, time windows, release specification and
-- two-person verification, in the JSON form the API shows (without code, name and type).
CREATE TABLE product_version (
    code                    varchar(32)  NOT NULL REFERENCES product (code),
    version                 integer      NOT NULL CHECK (version >= 1),
    name                    varchar(100) NOT NULL,
    type                    varchar(16)  NOT NULL CHECK (type IN ('AUTOLOGOUS', 'ALLOGENEIC')),
    definition              jsonb        NOT NULL,
    created_at              timestamptz  NOT NULL,
    created_by_id           varchar(128) NOT NULL,
    created_by_role         varchar(32)  NOT NULL,
    created_by_organisation varchar(128) NOT NULL,
    PRIMARY KEY (code, version)
);

-- Deferred: a new product and its first version are written in one transaction, in either order.
ALTER TABLE product ADD CONSTRAINT product_current_version_fk FOREIGN KEY (code, current_version)
    REFERENCES product_version (code, version) DEFERRABLE INITIALLY DEFERRED;

-- A version, once saved, is what batches pinned to it follow: the database refuses to change it.
CREATE FUNCTION product_version_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'product_version is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER product_version_no_update_or_delete
    BEFORE UPDATE OR DELETE ON product_version
    FOR EACH ROW EXECUTE FUNCTION product_version_refuse_change();

CREATE TRIGGER product_version_no_truncate
    BEFORE TRUNCATE ON product_version
    FOR EACH STATEMENT EXECUTE FUNCTION product_version_refuse_change();

-- The two products every installation starts with. Their stage plans are the standard plans of
-- their batch types (StagePlan.standard), which batches followed before products existed.
INSERT INTO product (code, type, current_version, updated_at) VALUES
    ('CART-GD2-AUTO', 'AUTOLOGOUS', 1, '2026-11-25T00:00:00Z'),
    ('CART-B7H3-ALLO', 'ALLOGENEIC', 1, '2026-11-25T00:00:00Z');

INSERT INTO product_version (code, version, name, type, definition, created_at, created_by_id, created_by_role,
                             created_by_organisation) VALUES
('CART-GD2-AUTO', 1, 'Anti-GD2 CAR-T, autologous', 'AUTOLOGOUS', '{
  "stagePlan": {
    "transitions": [
      {"from": "ORDERED", "to": ["COLLECTED"]},
      {"from": "COLLECTED", "to": ["CRYOPRESERVED_AT_COLLECTION", "SHIPPED_TO_MANUFACTURING"]},
      {"from": "CRYOPRESERVED_AT_COLLECTION", "to": ["SHIPPED_TO_MANUFACTURING"]},
      {"from": "SHIPPED_TO_MANUFACTURING", "to": ["RECEIVED_AT_MANUFACTURING"]},
      {"from": "RECEIVED_AT_MANUFACTURING", "to": ["ACCEPTED", "REJECTED"]},
      {"from": "ACCEPTED", "to": ["GENE_MODIFIED", "MANUFACTURING_FAILED"]},
      {"from": "GENE_MODIFIED", "to": ["EXPANDED", "MANUFACTURING_FAILED"]},
      {"from": "EXPANDED", "to": ["FORMULATED", "MANUFACTURING_FAILED"]},
      {"from": "FORMULATED", "to": ["CRYOPRESERVED", "MANUFACTURING_FAILED"]},
      {"from": "CRYOPRESERVED", "to": ["QC_TESTED"]},
      {"from": "QC_TESTED", "to": ["RELEASED", "OUT_OF_SPEC", "MANUFACTURING_FAILED"]},
      {"from": "RELEASED", "to": ["STORED"]},
      {"from": "OUT_OF_SPEC", "to": ["DESTROYED"]},
      {"from": "STORED", "to": ["SHIPPED_TO_SITE"]},
      {"from": "SHIPPED_TO_SITE", "to": ["RECEIVED_AT_SITE"]},
      {"from": "RECEIVED_AT_SITE", "to": ["THAWED"]},
      {"from": "THAWED", "to": ["INFUSED"]}
    ],
    "repeatable": ["COLLECTED", "EXPANDED"]
  },
  "temperatureClasses": {
    "STARTING_MATERIAL": "FRESH_2_TO_8_C",
    "FINAL_PRODUCT_STORAGE": "CRYO_AT_OR_BELOW_MINUS_150_C",
    "FINAL_PRODUCT_TRANSPORT": "CRYO_AT_OR_BELOW_MINUS_150_C"
  },
  "timeWindows": [
    {"name": "collection-to-receipt", "from": "COLLECTED", "to": "RECEIVED_AT_MANUFACTURING", "max": "PT48H"},
    {"name": "out-of-storage-while-packing", "from": "SHIPPED_TO_SITE", "to": "SHIPPED_TO_SITE", "max": "PT30M"},
    {"name": "dry-shipper-hold", "from": "SHIPPED_TO_SITE", "to": "RECEIVED_AT_SITE", "max": "P10D"},
    {"name": "thaw-to-infusion", "from": "THAWED", "to": "INFUSED", "max": "PT1H"}
  ],
  "release": {
    "minViabilityPercent": 80,
    "dose": {"min": 60000000, "max": 600000000},
    "sterilityNegative": true,
    "mycoplasmaNegative": true,
    "maxEndotoxinEuPerMl": 5.0,
    "maxVectorCopiesPerCell": 5
  },
  "twoPersonVerification": true
}', '2026-11-25T00:00:00Z', 'migration-V4', 'admin', 'VEIN2VEIN'),
('CART-B7H3-ALLO', 1, 'Anti-B7-H3 CAR-T, allogeneic, TRAC/B2M knock-out', 'ALLOGENEIC', '{
  "stagePlan": {
    "transitions": [
      {"from": "ORDERED", "to": ["COLLECTED"]},
      {"from": "COLLECTED", "to": ["CRYOPRESERVED_AT_COLLECTION", "SHIPPED_TO_MANUFACTURING"]},
      {"from": "CRYOPRESERVED_AT_COLLECTION", "to": ["SHIPPED_TO_MANUFACTURING"]},
      {"from": "SHIPPED_TO_MANUFACTURING", "to": ["RECEIVED_AT_MANUFACTURING"]},
      {"from": "RECEIVED_AT_MANUFACTURING", "to": ["ACCEPTED", "REJECTED"]},
      {"from": "ACCEPTED", "to": ["GENE_MODIFIED", "MANUFACTURING_FAILED"]},
      {"from": "GENE_MODIFIED", "to": ["EXPANDED", "MANUFACTURING_FAILED"]},
      {"from": "EXPANDED", "to": ["FORMULATED", "MANUFACTURING_FAILED"]},
      {"from": "FORMULATED", "to": ["SPLIT", "MANUFACTURING_FAILED"]},
      {"from": "SPLIT", "to": ["CRYOPRESERVED"]},
      {"from": "CRYOPRESERVED", "to": ["QC_TESTED"]},
      {"from": "QC_TESTED", "to": ["RELEASED", "OUT_OF_SPEC", "MANUFACTURING_FAILED"]},
      {"from": "RELEASED", "to": ["STORED"]},
      {"from": "OUT_OF_SPEC", "to": ["DESTROYED"]},
      {"from": "STORED", "to": ["ALLOCATED"]},
      {"from": "ALLOCATED", "to": ["SHIPPED_TO_SITE"]},
      {"from": "SHIPPED_TO_SITE", "to": ["RECEIVED_AT_SITE"]},
      {"from": "RECEIVED_AT_SITE", "to": ["THAWED"]},
      {"from": "THAWED", "to": ["INFUSED"]}
    ],
    "repeatable": ["COLLECTED", "EXPANDED"]
  },
  "temperatureClasses": {
    "STARTING_MATERIAL": "FRESH_2_TO_8_C",
    "FINAL_PRODUCT_STORAGE": "CRYO_AT_OR_BELOW_MINUS_150_C",
    "FINAL_PRODUCT_TRANSPORT": "CRYO_AT_OR_BELOW_MINUS_150_C"
  },
  "timeWindows": [
    {"name": "collection-to-receipt", "from": "COLLECTED", "to": "RECEIVED_AT_MANUFACTURING", "max": "PT24H"},
    {"name": "out-of-storage-while-packing", "from": "SHIPPED_TO_SITE", "to": "SHIPPED_TO_SITE", "max": "PT20M"},
    {"name": "dry-shipper-hold", "from": "SHIPPED_TO_SITE", "to": "RECEIVED_AT_SITE", "max": "P7D"},
    {"name": "thaw-to-infusion", "from": "THAWED", "to": "INFUSED", "max": "PT45M"}
  ],
  "release": {
    "minViabilityPercent": 70,
    "dose": {"min": 50000000, "max": 500000000},
    "sterilityNegative": true,
    "mycoplasmaNegative": true,
    "maxEndotoxinEuPerMl": 3.5,
    "maxVectorCopiesPerCell": 3
  },
  "twoPersonVerification": false
}', '2026-11-25T00:00:00Z', 'migration-V4', 'admin', 'VEIN2VEIN');

-- Each batch follows the product version it was registered with. Batches registered before
-- products existed are pinned to version 1 of their product where the catalogue has it with their
-- type; any other (development data only) keeps no version.
ALTER TABLE batch ADD COLUMN product_version integer;
UPDATE batch SET product_version = 1
    WHERE EXISTS (SELECT 1 FROM product p WHERE p.code = batch.product_code AND p.type = batch.type);
ALTER TABLE batch ADD CONSTRAINT batch_product_version_fk FOREIGN KEY (product_code, product_version)
    REFERENCES product_version (code, version);
