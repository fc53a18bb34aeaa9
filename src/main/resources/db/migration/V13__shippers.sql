-- Shippers: the containers shipments travel in (dry shippers, 2-8 °C boxes), reference data managed
-- by administrators as sites are (V3). "version" starts at 1 and grows by one with every change;
-- clients send it back as If-Match. Ids sort byte by byte ("C"), so pages are the same on every server.
-- The hold time is kept in whole seconds: qualification reports state it in days, hours or minutes.
CREATE TABLE shipper (
    id                          varchar(32)  COLLATE "C" PRIMARY KEY,
    type                        varchar(16)  NOT NULL CHECK (type IN ('DRY_SHIPPER', 'COLD_BOX_2_8_C')),
    qualified_until             timestamptz  NOT NULL,
    validated_hold_time_seconds bigint       NOT NULL CHECK (validated_hold_time_seconds > 0),
    active                      boolean      NOT NULL,
    version                     bigint       NOT NULL CHECK (version >= 1),
    created_at                  timestamptz  NOT NULL,
    updated_at                  timestamptz  NOT NULL
);

-- Every version of every shipper, with who wrote it and when (21 CFR Part 11: a requalification
-- never obscures what the shipper was qualified for before). One row per version.
CREATE TABLE shipper_revision (
    shipper_id                  varchar(32)  COLLATE "C" NOT NULL REFERENCES shipper (id),
    version                     bigint       NOT NULL CHECK (version >= 1),
    type                        varchar(16)  NOT NULL CHECK (type IN ('DRY_SHIPPER', 'COLD_BOX_2_8_C')),
    qualified_until             timestamptz  NOT NULL,
    validated_hold_time_seconds bigint       NOT NULL CHECK (validated_hold_time_seconds > 0),
    active                      boolean      NOT NULL,
    revised_at                  timestamptz  NOT NULL,
    actor_id                    varchar(128) NOT NULL,
    actor_role                  varchar(32)  NOT NULL,
    actor_organisation          varchar(128) NOT NULL,
    PRIMARY KEY (shipper_id, version)
);

-- As site_revision: the database itself refuses to change or remove a revision.
CREATE FUNCTION shipper_revision_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'shipper_revision is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER shipper_revision_no_update_or_delete
    BEFORE UPDATE OR DELETE ON shipper_revision
    FOR EACH ROW EXECUTE FUNCTION shipper_revision_refuse_change();

CREATE TRIGGER shipper_revision_no_truncate
    BEFORE TRUNCATE ON shipper_revision
    FOR EACH STATEMENT EXECUTE FUNCTION shipper_revision_refuse_change();
