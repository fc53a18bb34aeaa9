-- Live clocks of product time windows (README "Live clocks"). A window's first stage starts its clock,
-- its last stage stops it; a window from a stage to itself is measured within one step and has no clock.
-- One clock per batch ("unit_id" empty) or per dose unit of an allogeneic batch, and window: a stage
-- reached again (a second collection) does not restart it.
-- "warned_at" and "breached_at" say when the watcher recorded the warning, the breach, in the custody
-- ledger, in the same transaction: set once, under the batch's row lock, so each is recorded once.
CREATE TABLE window_clock (
    coi          varchar(14)  NOT NULL REFERENCES batch (coi),
    unit_id      varchar(64)  NOT NULL DEFAULT '',
    window_name  varchar(64)  NOT NULL,
    from_stage   varchar(40)  NOT NULL,
    to_stage     varchar(40)  NOT NULL,
    started_at   timestamptz  NOT NULL,
    deadline     timestamptz  NOT NULL,
    stopped_at   timestamptz,
    warned_at    timestamptz,
    breached_at  timestamptz,
    PRIMARY KEY (coi, unit_id, window_name),
    CONSTRAINT window_clock_deadline_after_start CHECK (deadline > started_at)
);

-- The watcher and the "due within" list look only at running clocks, soonest deadline first.
CREATE INDEX window_clock_running_deadline_idx ON window_clock (deadline) WHERE stopped_at IS NULL;
