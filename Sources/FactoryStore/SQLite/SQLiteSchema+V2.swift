extension SQLiteSchema {
    /// Version 2: what keeps the console instant on a store of a million runs. Nothing here is a source of truth;
    /// every table is derived from the rows of version 1, filled from them when the migration runs and kept exact by
    /// triggers in the same transaction as each change (so a store changed by any writer stays consistent).
    ///
    /// - `run_counts`: runs, GPUs and cores per project, pool and state. Queue figures, pool loads, project
    ///   activity and the count of a filtered runs list read a few hundred rows instead of scanning the runs.
    /// - `approval_counts`: approvals per project, state and risk (pending count, high-risk count, per project).
    /// - `run_texts`: the distinct (title, agent, project) of the runs with how many runs carry each, and
    ///   `run_texts_fts`, a trigram index of their titles and agents. A substring filter is matched against these
    ///   few tens of thousands of distinct texts, never against a million rows, and counted by summing `n`.
    /// - One index per sortable column of the runs list (the id is implied as the tie-breaker), the projects by
    ///   name, and the approvals by deadline and by request time: a window of any order is read from an index.
    static let v2 = """
        CREATE TABLE run_counts (
            project_id  INTEGER NOT NULL,
            pool_id     TEXT NOT NULL,
            state       TEXT NOT NULL,
            n           INTEGER NOT NULL DEFAULT 0,
            gpus        INTEGER NOT NULL DEFAULT 0,
            cpus        INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (project_id, pool_id, state)
        ) WITHOUT ROWID;
        INSERT INTO run_counts (project_id, pool_id, state, n, gpus, cpus)
            SELECT project_id, pool_id, state, COUNT(*), SUM(gpus), SUM(cpus) FROM runs WHERE 1 GROUP BY 1, 2, 3;

        CREATE TABLE approval_counts (
            project_id  INTEGER NOT NULL,
            state       TEXT NOT NULL,
            risk        TEXT NOT NULL,
            n           INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (project_id, state, risk)
        ) WITHOUT ROWID;
        INSERT INTO approval_counts (project_id, state, risk, n)
            SELECT COALESCE(r.project_id, 0), a.state, a.risk, COUNT(*)
            FROM approvals a LEFT JOIN runs r ON r.id = a.run_id WHERE 1 GROUP BY 1, 2, 3;

        CREATE TABLE run_texts (
            id          INTEGER PRIMARY KEY,
            title       TEXT NOT NULL,
            agent       TEXT NOT NULL,
            project_id  INTEGER NOT NULL,
            n           INTEGER NOT NULL DEFAULT 0,
            UNIQUE (title, agent, project_id)
        );
        INSERT INTO run_texts (title, agent, project_id, n)
            SELECT title, agent, project_id, COUNT(*) FROM runs WHERE 1 GROUP BY 1, 2, 3;
        CREATE VIRTUAL TABLE run_texts_fts USING fts5(
            title, agent, content = 'run_texts', content_rowid = 'id', tokenize = 'trigram'
        );
        INSERT INTO run_texts_fts (run_texts_fts) VALUES ('rebuild');

        CREATE INDEX runs_by_title ON runs(title);
        CREATE INDEX runs_by_agent ON runs(agent);
        CREATE INDEX runs_by_priority ON runs(priority);
        CREATE INDEX runs_by_pool_only ON runs(pool_id);
        CREATE INDEX runs_by_state_only ON runs(state);
        CREATE INDEX runs_by_project_only ON runs(project_id);
        CREATE INDEX projects_by_name ON projects(name, id);
        CREATE INDEX approvals_by_due ON approvals(due_at);
        CREATE INDEX approvals_by_requested ON approvals(state, requested_at);

        CREATE TRIGGER runs_counted_insert AFTER INSERT ON runs BEGIN
            INSERT INTO run_counts (project_id, pool_id, state, n, gpus, cpus)
                VALUES (NEW.project_id, NEW.pool_id, NEW.state, 1, NEW.gpus, NEW.cpus)
                ON CONFLICT (project_id, pool_id, state)
                DO UPDATE SET n = n + 1, gpus = gpus + excluded.gpus, cpus = cpus + excluded.cpus;
            INSERT INTO run_texts (title, agent, project_id, n) VALUES (NEW.title, NEW.agent, NEW.project_id, 1)
                ON CONFLICT (title, agent, project_id) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER runs_counted_delete AFTER DELETE ON runs BEGIN
            UPDATE run_counts SET n = n - 1, gpus = gpus - OLD.gpus, cpus = cpus - OLD.cpus
                WHERE project_id = OLD.project_id AND pool_id = OLD.pool_id AND state = OLD.state;
            UPDATE run_texts SET n = n - 1
                WHERE title = OLD.title AND agent = OLD.agent AND project_id = OLD.project_id;
        END;
        CREATE TRIGGER runs_counted_update AFTER UPDATE OF project_id, pool_id, state, gpus, cpus ON runs
            WHEN OLD.project_id IS NOT NEW.project_id OR OLD.pool_id IS NOT NEW.pool_id OR OLD.state IS NOT NEW.state
                OR OLD.gpus IS NOT NEW.gpus OR OLD.cpus IS NOT NEW.cpus
        BEGIN
            UPDATE run_counts SET n = n - 1, gpus = gpus - OLD.gpus, cpus = cpus - OLD.cpus
                WHERE project_id = OLD.project_id AND pool_id = OLD.pool_id AND state = OLD.state;
            INSERT INTO run_counts (project_id, pool_id, state, n, gpus, cpus)
                VALUES (NEW.project_id, NEW.pool_id, NEW.state, 1, NEW.gpus, NEW.cpus)
                ON CONFLICT (project_id, pool_id, state)
                DO UPDATE SET n = n + 1, gpus = gpus + excluded.gpus, cpus = cpus + excluded.cpus;
        END;
        CREATE TRIGGER runs_texts_update AFTER UPDATE OF title, agent, project_id ON runs
            WHEN OLD.title IS NOT NEW.title OR OLD.agent IS NOT NEW.agent OR OLD.project_id IS NOT NEW.project_id
        BEGIN
            UPDATE run_texts SET n = n - 1
                WHERE title = OLD.title AND agent = OLD.agent AND project_id = OLD.project_id;
            INSERT INTO run_texts (title, agent, project_id, n) VALUES (NEW.title, NEW.agent, NEW.project_id, 1)
                ON CONFLICT (title, agent, project_id) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER runs_move_approval_counts AFTER UPDATE OF project_id ON runs
            WHEN OLD.project_id IS NOT NEW.project_id
        BEGIN
            UPDATE approval_counts SET n = n - (
                SELECT COUNT(*) FROM approvals a
                WHERE a.run_id = NEW.id AND a.state = approval_counts.state AND a.risk = approval_counts.risk
            ) WHERE project_id = OLD.project_id;
            INSERT INTO approval_counts (project_id, state, risk, n)
                SELECT NEW.project_id, state, risk, COUNT(*) FROM approvals WHERE run_id = NEW.id GROUP BY state, risk
                ON CONFLICT (project_id, state, risk) DO UPDATE SET n = n + excluded.n;
        END;
        CREATE TRIGGER run_texts_indexed AFTER INSERT ON run_texts BEGIN
            INSERT INTO run_texts_fts (rowid, title, agent) VALUES (NEW.id, NEW.title, NEW.agent);
        END;

        CREATE TRIGGER approvals_counted_insert AFTER INSERT ON approvals BEGIN
            INSERT INTO approval_counts (project_id, state, risk, n)
                VALUES (COALESCE((SELECT project_id FROM runs WHERE id = NEW.run_id), 0), NEW.state, NEW.risk, 1)
                ON CONFLICT (project_id, state, risk) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER approvals_counted_delete AFTER DELETE ON approvals BEGIN
            UPDATE approval_counts SET n = n - 1
                WHERE project_id = COALESCE((SELECT project_id FROM runs WHERE id = OLD.run_id), 0)
                  AND state = OLD.state AND risk = OLD.risk;
        END;
        CREATE TRIGGER approvals_counted_update AFTER UPDATE OF state, risk, run_id ON approvals
            WHEN OLD.state IS NOT NEW.state OR OLD.risk IS NOT NEW.risk OR OLD.run_id IS NOT NEW.run_id
        BEGIN
            UPDATE approval_counts SET n = n - 1
                WHERE project_id = COALESCE((SELECT project_id FROM runs WHERE id = OLD.run_id), 0)
                  AND state = OLD.state AND risk = OLD.risk;
            INSERT INTO approval_counts (project_id, state, risk, n)
                VALUES (COALESCE((SELECT project_id FROM runs WHERE id = NEW.run_id), 0), NEW.state, NEW.risk, 1)
                ON CONFLICT (project_id, state, risk) DO UPDATE SET n = n + 1;
        END;
        """
}
