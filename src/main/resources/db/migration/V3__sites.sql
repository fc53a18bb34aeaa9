-- Sites: reference data managed by administrators. "version" starts at 1 and grows by one with
-- every change; clients send it back as If-Match, and a change is made under the row's lock only
-- against the version it names. Codes sort byte by byte ("C"), so pages are the same on every server.
CREATE TABLE site (
    code          varchar(64)  COLLATE "C" PRIMARY KEY,
    name          varchar(120) NOT NULL,
    kind          varchar(16)  NOT NULL CHECK (kind IN ('COLLECTION', 'MANUFACTURING', 'TREATMENT', 'STORAGE')),
    organisation  varchar(64)  NOT NULL,
    active        boolean      NOT NULL,
    version       bigint       NOT NULL CHECK (version >= 1),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL
);

-- Every version of every site, with who wrote it and when (21 CFR Part 11: a change never obscures
-- what was recorded before). One row per version: the key refuses a second change from the same version.
CREATE TABLE site_revision (
    site_code          varchar(64)  COLLATE "C" NOT NULL REFERENCES site (code),
    version            bigint       NOT NULL CHECK (version >= 1),
    name               varchar(120) NOT NULL,
    kind               varchar(16)  NOT NULL CHECK (kind IN ('COLLECTION', 'MANUFACTURING', 'TREATMENT', 'STORAGE')),
    organisation       varchar(64)  NOT NULL,
    active             boolean      NOT NULL,
    revised_at         timestamptz  NOT NULL,
    actor_id           varchar(128) NOT NULL,
    actor_role         varchar(32)  NOT NULL,
    actor_organisation varchar(128) NOT NULL,
    PRIMARY KEY (site_code, version)
);

-- As the custody ledger: the database itself refuses to change or remove a revision.
CREATE FUNCTION site_revision_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'site_revision is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER site_revision_no_update_or_delete
    BEFORE UPDATE OR DELETE ON site_revision
    FOR EACH ROW EXECUTE FUNCTION site_revision_refuse_change();

CREATE TRIGGER site_revision_no_truncate
    BEFORE TRUNCATE ON site_revision
    FOR EACH STATEMENT EXECUTE FUNCTION site_revision_refuse_change();
