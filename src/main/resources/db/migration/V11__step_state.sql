-- What the step rules need to know of earlier steps, kept as state in the step's transaction rather
-- than read back out of the ledger's JSON; the ledger stays the audit record.

-- The CAR+ viable T cells each unit's label states (FORMULATED bags, SPLIT doses), and when a unit left
-- on its batch's latest shipment to the treatment site (SHIPPED_TO_SITE; null for a unit that shipment
-- did not carry). A receipt there must receive exactly those units, also when it is logged again to
-- resume from a hold.
ALTER TABLE batch_unit ADD COLUMN labelled_cells bigint CHECK (labelled_cells >= 0);
ALTER TABLE batch_unit ADD COLUMN shipped_at timestamptz;

-- The results of a batch's latest QC_TESTED step, one row per test; a new QC_TESTED step replaces them.
CREATE TABLE qc_result (
    coi     varchar(14)  NOT NULL REFERENCES batch (coi),
    test    varchar(40)  NOT NULL,
    value   numeric,
    unit    varchar(16),
    outcome varchar(16),
    method  varchar(200) NOT NULL,
    PRIMARY KEY (coi, test)
);

-- The same state for batches recorded before this version, from their ledgers. A payload that is not
-- JSON (a ledger tampered with) is skipped: verification reports it, and the migration must not stop.
DO $$
DECLARE
    event record;
    data jsonb;
BEGIN
    FOR event IN SELECT e.coi, e.stage, e.payload, e.occurred_at, b.stage AS batch_stage
                 FROM custody_event e JOIN batch b ON b.coi = e.coi
                 WHERE e.type = 'STEP_RECORDED' AND e.stage IN ('FORMULATED', 'SPLIT', 'QC_TESTED', 'SHIPPED_TO_SITE')
                 ORDER BY e.coi, e.sequence
    LOOP
        BEGIN
            data := event.payload::jsonb;
        EXCEPTION WHEN others THEN
            CONTINUE;
        END;
        IF event.stage IN ('FORMULATED', 'SPLIT') THEN
            UPDATE batch_unit u SET labelled_cells = (unit ->> 'carPositiveViableCells')::bigint
            FROM jsonb_array_elements(coalesce(data -> 'units', data -> 'doses', '[]'::jsonb)) unit
            WHERE u.coi = event.coi AND u.unit_id = unit ->> 'unitId';
        ELSIF event.stage = 'QC_TESTED' THEN
            DELETE FROM qc_result WHERE coi = event.coi;
            INSERT INTO qc_result (coi, test, value, unit, outcome, method)
            SELECT event.coi, result ->> 'test', (result ->> 'value')::numeric, result ->> 'unit',
                   result ->> 'outcome', result ->> 'method'
            FROM jsonb_array_elements(coalesce(data -> 'results', '[]'::jsonb)) result;
        ELSE
            -- Events come in sequence order: the latest shipment of each unit is the one that stays.
            UPDATE batch_unit u SET shipped_at = event.occurred_at
            FROM jsonb_array_elements_text(coalesce(data -> 'unitIds', '[]'::jsonb)) shipped
            WHERE u.coi = event.coi AND u.unit_id = shipped;
        END IF;
    END LOOP;
END $$;
