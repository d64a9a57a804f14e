import Foundation
import Synchronization

extension SQLiteJobStore: ChangeNotifyingStore {
    /// How often the watch reads `PRAGMA data_version`: a few microseconds on an open connection, so a decision
    /// taken in another console shows within a quarter of a second instead of at the next refresh.
    public static let changePollInterval: TimeInterval = 0.25

    /// Watches commits by any process (SQLite has no notifications): `PRAGMA data_version` is read every
    /// ``changePollInterval`` on a queue of the watch's own and each move is reported as `.changed`. A store that
    /// cannot be read is left to the dashboard's loader to report; the watch simply tries again.
    public func watchChanges(_ report: @escaping @Sendable (StoreChange) -> Void) throws(StoreError) -> any StoreChangeWatch {
        let watch = SQLiteChangeWatch(store: self, report: report, first: try changeToken())
        watch.start()
        return watch
    }
}

/// The polling behind ``SQLiteJobStore/watchChanges(_:)``.
final class SQLiteChangeWatch: StoreChangeWatch {
    private struct State {
        var token: Int64
        var stopped = false
    }

    private let store: SQLiteJobStore
    private let report: @Sendable (StoreChange) -> Void
    private let queue = DispatchQueue(label: "fusion.sqlite-change-watch", qos: .utility)
    private let state: Mutex<State>

    init(store: SQLiteJobStore, report: @escaping @Sendable (StoreChange) -> Void, first: Int64) {
        self.store = store
        self.report = report
        state = Mutex(State(token: first))
    }

    func start() { schedule() }

    func stop() {
        state.withLock { $0.stopped = true }
        // A poll already running finishes before stop returns, so nothing is reported afterwards.
        queue.sync {}
    }

    private func schedule() {
        queue.asyncAfter(deadline: .now() + SQLiteJobStore.changePollInterval) { [self] in
            guard !state.withLock({ $0.stopped }) else { return }
            if let token = try? store.changeToken() {
                let moved = state.withLock { current in
                    defer { current.token = token }
                    return current.token != token && !current.stopped
                }
                if moved { report(.changed) }
            }
            schedule()
        }
    }
}
