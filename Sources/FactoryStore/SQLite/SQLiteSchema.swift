import GRDB

/// The versioned migrations of the SQLite job store. Each one is applied once, in order, inside a transaction;
/// an older store is upgraded in place when it is opened for writing. See `docs/job-store.md`.
enum SQLiteSchema {
    /// The identifiers of the migrations this build knows, oldest first. The schema version is their count.
    static let migrationIDs = ["v1-factory", "v2-fast-lists", "v3-oversight", "v4-gpu-sort"]

    /// The schema version this build writes.
    static var currentVersion: Int { migrationIDs.count }

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-factory") { db in
            try db.execute(sql: v1)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2-fast-lists") { db in
            try db.execute(sql: v2)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("v3-oversight") { db in
            try db.execute(sql: v3)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        migrator.registerMigration("v4-gpu-sort") { db in
            try db.execute(sql: v4)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        return migrator
    }

    /// Version 1: the factory, its work, the decisions on it and the audit trail.
    /// Times are INTEGER milliseconds since the Unix epoch, UTC.
    static let v1 = """
        CREATE TABLE sites (
            id      TEXT PRIMARY KEY NOT NULL,
            name    TEXT NOT NULL,
            tier    TEXT NOT NULL CHECK (tier IN ('giga', 'mega', 'edge')),
            region  TEXT NOT NULL
        );
        CREATE TABLE pools (
            id            TEXT PRIMARY KEY NOT NULL,
            site_id       TEXT NOT NULL REFERENCES sites(id),
            kind          TEXT NOT NULL CHECK (kind IN ('gpu', 'cpu', 'edge')),
            gpu_capacity  INTEGER NOT NULL DEFAULT 0 CHECK (gpu_capacity >= 0),
            cpu_capacity  INTEGER NOT NULL DEFAULT 0 CHECK (cpu_capacity >= 0)
        );
        CREATE TABLE institutes (
            id          TEXT PRIMARY KEY NOT NULL,
            name        TEXT NOT NULL,
            region      TEXT NOT NULL,
            theme       TEXT NOT NULL,
            university  TEXT NOT NULL DEFAULT '',
            position    INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE projects (
            id                INTEGER PRIMARY KEY,
            institute_id      TEXT NOT NULL REFERENCES institutes(id),
            name              TEXT NOT NULL,
            sector            TEXT NOT NULL,
            phase             TEXT NOT NULL CHECK (phase IN ('ideation', 'pilot', 'industrialised')),
            health            TEXT NOT NULL CHECK (health IN ('green', 'amber', 'red')),
            gpu_hours_budget  REAL NOT NULL DEFAULT 0,
            gpu_hours_used    REAL NOT NULL DEFAULT 0,
            next_milestone    TEXT NOT NULL DEFAULT '',
            milestone_due_at  INTEGER
        );
        CREATE INDEX projects_by_institute ON projects(institute_id);

        CREATE TABLE runs (
            id                    INTEGER PRIMARY KEY,
            agent                 TEXT NOT NULL,
            title                 TEXT NOT NULL,
            project_id            INTEGER NOT NULL REFERENCES projects(id),
            state                 TEXT NOT NULL CHECK (state IN ('queued', 'running', 'awaiting_approval',
                                      'cancel_requested', 'reroute_requested', 'succeeded', 'failed', 'cancelled')),
            priority              INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 3),
            pool_id               TEXT NOT NULL REFERENCES pools(id),
            node                  TEXT,
            gpus                  INTEGER NOT NULL DEFAULT 0 CHECK (gpus >= 0),
            cpus                  INTEGER NOT NULL DEFAULT 1 CHECK (cpus >= 0),
            submitted_by          TEXT NOT NULL,
            submitted_at          INTEGER NOT NULL,
            started_at            INTEGER,
            ended_at              INTEGER,
            end_reason            TEXT,
            cancel_requested_by   TEXT,
            cancel_requested_at   INTEGER,
            cancel_reason         TEXT,
            reroute_requested_by  TEXT,
            reroute_requested_at  INTEGER,
            reroute_reason        TEXT,
            reroute_to            TEXT REFERENCES pools(id),
            updated_at            INTEGER NOT NULL,
            version               INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX runs_by_state ON runs(state, submitted_at);
        CREATE INDEX runs_by_pool ON runs(pool_id, state);
        CREATE INDEX runs_by_project ON runs(project_id, state);
        CREATE INDEX runs_by_submitted ON runs(submitted_at);
        CREATE INDEX runs_by_ended ON runs(state, ended_at);

        CREATE TABLE approvals (
            id                  INTEGER PRIMARY KEY,
            run_id              INTEGER NOT NULL REFERENCES runs(id),
            subject             TEXT NOT NULL,
            proposed_action     TEXT NOT NULL,
            rationale           TEXT NOT NULL,
            risk                TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
            required_approvals  INTEGER NOT NULL CHECK (required_approvals IN (1, 2)),
            requested_by        TEXT NOT NULL,
            requested_at        INTEGER NOT NULL,
            due_at              INTEGER NOT NULL,
            state               TEXT NOT NULL DEFAULT 'pending'
                                    CHECK (state IN ('pending', 'approved', 'rejected', 'expired', 'withdrawn')),
            decided_at          INTEGER,
            version             INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX approvals_by_state ON approvals(state, due_at);
        CREATE INDEX approvals_by_run ON approvals(run_id);

        CREATE TABLE decisions (
            id           INTEGER PRIMARY KEY,
            approval_id  INTEGER NOT NULL REFERENCES approvals(id),
            decided_by   TEXT NOT NULL,
            via          TEXT,
            role         TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'supervisor', 'admin')),
            verdict      TEXT NOT NULL CHECK (verdict IN ('approve', 'reject')),
            reason       TEXT,
            at           INTEGER NOT NULL,
            UNIQUE (approval_id, decided_by)
        );
        CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
            BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
        CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
            BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;

        CREATE TABLE operators (
            account     TEXT PRIMARY KEY NOT NULL,
            role        TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'supervisor', 'admin')),
            granted_by  TEXT NOT NULL,
            granted_at  INTEGER NOT NULL
        );

        CREATE TABLE audit_log (
            seq        INTEGER PRIMARY KEY,
            at         INTEGER NOT NULL,
            actor      TEXT NOT NULL,
            via        TEXT,
            action     TEXT NOT NULL,
            subject    TEXT NOT NULL,
            outcome    TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'conflict')),
            details    TEXT NOT NULL,
            prev_hash  TEXT NOT NULL,
            hash       TEXT NOT NULL
        );
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """
}
