/// What a store that pushes change notifications reports to a watcher.
public enum StoreChange: Sendable, Equatable {
    /// Someone committed a change. A hint only: re-read the store (and compare ``JobStore/changeToken()``).
    case changed
    /// The connection that listens for changes was lost; data on screen may be stale until ``reconnected``.
    case connectionLost(String)
    /// Listening again after a loss; changes made meanwhile were not announced, so re-read everything.
    case reconnected
}

/// A running watch on a store's changes; stop it when done.
public protocol StoreChangeWatch: Sendable {
    /// Stops watching; no report is delivered once this returns.
    func stop()
}

/// A store that announces committed changes as they happen (PostgreSQL's LISTEN/NOTIFY), so that consoles
/// refresh at once instead of at their next poll. Stores without it (SQLite) are polled through
/// ``JobStore/changeToken()``; polling stays the fallback for these too.
public protocol ChangeNotifyingStore: JobStore {
    /// Starts watching; `report` is called on a background thread, possibly several changes at once coalesced
    /// into one `.changed`.
    func watchChanges(_ report: @escaping @Sendable (StoreChange) -> Void) throws(StoreError) -> any StoreChangeWatch
}
