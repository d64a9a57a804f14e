extension SQLiteSchema {
    /// Version 3 (`v3-oversight`): the stop button, reversed decisions and escalations. Every table is kept for the
    /// record: no row is ever removed; reversals and escalations are append-only; a pause changes only by being
    /// confirmed once and lifted once (triggers refuse anything else).
    ///
    /// - `pauses`: a pool or site paused (`scope`, `target`, `mode` continue|drain), who asked and why, who
    ///   confirmed (a site pause, by a different supervisor), who lifted it and why.
    /// - `decision_reversals`: one row per reversed decision, linked to it; the decision row never changes.
    /// - `escalations`: an approval handed to a named supervisor, by whom and why.
    static let v3 = """
        CREATE TABLE pauses (
            id              INTEGER PRIMARY KEY,
            scope           TEXT NOT NULL CHECK (scope IN ('pool', 'site')),
            target          TEXT NOT NULL,
            mode            TEXT NOT NULL CHECK (mode IN ('continue', 'drain')),
            reason          TEXT NOT NULL,
            requested_by    TEXT NOT NULL,
            requested_via   TEXT,
            requested_at    INTEGER NOT NULL,
            confirmed_by    TEXT,
            confirmed_at    INTEGER,
            confirm_reason  TEXT,
            lifted_by       TEXT,
            lifted_at       INTEGER,
            lift_reason     TEXT,
            CHECK (confirmed_by IS NULL OR confirmed_by <> requested_by)
        );
        CREATE INDEX pauses_open ON pauses(lifted_at, scope, target);
        CREATE TRIGGER pauses_no_delete BEFORE DELETE ON pauses
            BEGIN SELECT RAISE(ABORT, 'pauses are kept for the record'); END;
        CREATE TRIGGER pauses_change_once BEFORE UPDATE ON pauses
            WHEN OLD.lifted_at IS NOT NULL
              OR NEW.id IS NOT OLD.id OR NEW.scope IS NOT OLD.scope OR NEW.target IS NOT OLD.target
              OR NEW.mode IS NOT OLD.mode OR NEW.reason IS NOT OLD.reason OR NEW.requested_by IS NOT OLD.requested_by
              OR NEW.requested_via IS NOT OLD.requested_via OR NEW.requested_at IS NOT OLD.requested_at
              OR (OLD.confirmed_at IS NOT NULL AND (NEW.confirmed_at IS NOT OLD.confirmed_at
                  OR NEW.confirmed_by IS NOT OLD.confirmed_by OR NEW.confirm_reason IS NOT OLD.confirm_reason))
            BEGIN SELECT RAISE(ABORT, 'a pause changes only by being confirmed once and lifted once'); END;

        CREATE TABLE decision_reversals (
            id           INTEGER PRIMARY KEY,
            decision_id  INTEGER NOT NULL UNIQUE REFERENCES decisions(id),
            approval_id  INTEGER NOT NULL REFERENCES approvals(id),
            reversed_by  TEXT NOT NULL,
            via          TEXT,
            role         TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'supervisor', 'admin')),
            reason       TEXT NOT NULL,
            at           INTEGER NOT NULL
        );
        CREATE INDEX decision_reversals_by_approval ON decision_reversals(approval_id);
        CREATE TRIGGER decision_reversals_no_update BEFORE UPDATE ON decision_reversals
            BEGIN SELECT RAISE(ABORT, 'decision_reversals are append-only'); END;
        CREATE TRIGGER decision_reversals_no_delete BEFORE DELETE ON decision_reversals
            BEGIN SELECT RAISE(ABORT, 'decision_reversals are append-only'); END;

        CREATE TABLE escalations (
            id            INTEGER PRIMARY KEY,
            approval_id   INTEGER NOT NULL REFERENCES approvals(id),
            escalated_by  TEXT NOT NULL,
            via           TEXT,
            to_account    TEXT NOT NULL,
            reason        TEXT NOT NULL,
            at            INTEGER NOT NULL
        );
        CREATE INDEX escalations_by_approval ON escalations(approval_id, at);
        CREATE TRIGGER escalations_no_update BEFORE UPDATE ON escalations
            BEGIN SELECT RAISE(ABORT, 'escalations are append-only'); END;
        CREATE TRIGGER escalations_no_delete BEFORE DELETE ON escalations
            BEGIN SELECT RAISE(ABORT, 'escalations are append-only'); END;
        CREATE INDEX decisions_by_time ON decisions(at);
        """
}
