-- V4__products.sql as first released also inserted two fictional products, which are now made at start in
-- embedded mode and tests only (DemoProducts; V10 removes them elsewhere where unused). Its tables are those of
-- the current V4, but a database that ran it records its checksum, and Flyway would refuse to start on it. That
-- record, and only when it holds exactly the released file's checksum, is brought to the current file's; any
-- other difference still fails validation.
DO $$
BEGIN
    IF to_regclass(format('%I.%I', '${flyway:defaultSchema}', '${flyway:table}')) IS NOT NULL THEN
        UPDATE "${flyway:defaultSchema}"."${flyway:table}" SET checksum = 185613272
            WHERE version = '4' AND checksum = -155005923;
        IF FOUND THEN
            RAISE NOTICE 'V4 as first released: its recorded checksum is now that of the current V4__products.sql';
        END IF;
    END IF;
END
$$;
