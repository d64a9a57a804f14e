extension PostgresSchema {
    /// Version 2: the indexes that let a window of the runs list, in any sort order, and the approvals by deadline
    /// or request time be read from an index on a store of a million runs. The SQLite store's version 2 also keeps
    /// derived count tables and a trigram index (its planner cannot count or match substrings fast without them);
    /// PostgreSQL counts in parallel and needs no derived tables, so this version adds only the indexes.
    static let v2 = """
        CREATE INDEX runs_by_title ON runs(title);
        CREATE INDEX runs_by_agent ON runs(agent);
        CREATE INDEX runs_by_priority ON runs(priority);
        CREATE INDEX runs_by_pool_only ON runs(pool_id);
        CREATE INDEX runs_by_state_only ON runs(state);
        CREATE INDEX runs_by_project_only ON runs(project_id);
        CREATE INDEX projects_by_name ON projects(name, id);
        CREATE INDEX approvals_by_due ON approvals(due_at);
        CREATE INDEX approvals_by_requested ON approvals(state, requested_at);
        """
}
