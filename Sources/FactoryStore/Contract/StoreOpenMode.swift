/// How a command opens the job store, for every kind of store.
public enum StoreOpenMode: Sendable {
    /// Open an existing store; upgrade its schema in place if older.
    case existing
    /// Create the store if absent (the SQLite file and its folder; the PostgreSQL tables), then as `.existing`.
    case createIfMissing
    /// Open an existing store without ever writing to it (no migration).
    case readOnly
}
