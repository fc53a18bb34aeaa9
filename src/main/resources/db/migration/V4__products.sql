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

-- Each batch follows the product version it was registered with. This migration creates no product
-- (the fictional ones of embedded mode and tests are made at start: DemoProducts), so batches
-- registered before products existed keep no version and follow the standard plan of their type.
ALTER TABLE batch ADD COLUMN product_version integer;
ALTER TABLE batch ADD CONSTRAINT batch_product_version_fk FOREIGN KEY (product_code, product_version)
    REFERENCES product_version (code, version);
