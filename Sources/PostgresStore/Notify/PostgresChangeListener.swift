import FactoryStore
import Foundation
import Synchronization

/// Listens on a dedicated connection for the store's change announcements (`LISTEN fusion_store`) on a thread
/// of its own, and reports them; reconnects with ``ReconnectBackoff`` when the connection is lost.
///
/// Reports: `.changed` once listening (changes made before could have been missed) and for every batch of
/// announcements of this store's schema; `.connectionLost` once per outage; `.reconnected` when listening again.
final class PostgresChangeListener: StoreChangeWatch {
    /// The channel the schema's triggers notify (payload: the schema's name).
    static let channel = "fusion_store"
    /// How long one wait on the socket lasts before the thread looks whether it was stopped.
    static let pollMilliseconds: Int32 = 200

    private let info: ConnectionInfo
    private let report: @Sendable (StoreChange) -> Void
    /// Set by ``stop()``; reports are delivered holding it, so none arrives once `stop()` returned.
    private let stopped = Mutex(false)

    init(info: ConnectionInfo, report: @escaping @Sendable (StoreChange) -> Void) {
        self.info = info
        self.report = report
    }

    /// Starts the listening thread.
    func start() {
        let thread = Thread { [self] in listen() }
        thread.name = "fusion.store-listener"
        thread.start()
    }

    /// Stops listening: no report is delivered once this returns (do not call it from a report). The thread
    /// ends by itself within a poll interval, or once a connection attempt under way gives up.
    func stop() {
        stopped.withLock { $0 = true }
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    /// Delivers a report unless stopped.
    private func deliver(_ change: StoreChange) {
        stopped.withLock { stopped in
            if !stopped { report(change) }
        }
    }

    private func listen() {
        var backoff = ReconnectBackoff()
        var lost = false
        while !isStopped {
            let connection: PGConnection
            let schema: String
            do {
                connection = try PGConnection.open(info)
                schema = try connection.query("SELECT current_schema() AS schema").first?.string("schema") ?? ""
                try connection.script("LISTEN \(Self.channel)")
            } catch {
                if !lost {
                    deliver(.connectionLost(Self.lostMessage(error)))
                    lost = true
                }
                pause(backoff.failed(at: Date()))
                continue
            }
            backoff.succeeded()
            deliver(lost ? .reconnected : .changed)
            lost = false
            let failure = follow(connection, schema: schema)
            if let failure, !isStopped {
                deliver(.connectionLost(failure))
                lost = true
            }
        }
    }

    /// Waits for announcements until stopped (nil) or the connection fails (its message).
    private func follow(_ connection: PGConnection, schema: String) -> String? {
        while !isStopped {
            var descriptor = pollfd(fd: connection.socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Self.pollMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return "waiting for the database server failed (\(String(cString: strerror(errno))))"
            }
            if ready == 0 { continue }
            guard connection.consumeInput(), !connection.isBroken else {
                return "the connection to the database server was lost; reconnecting"
            }
            let notes = connection.takeNotifications()
            if notes.contains(where: { $0.channel == Self.channel && $0.payload == schema }) {
                deliver(.changed)
            }
        }
        return nil
    }

    /// Sleeps `seconds` in short steps, returning early when stopped.
    private func pause(_ seconds: TimeInterval) {
        let until = Date().addingTimeInterval(seconds)
        while !isStopped && Date() < until {
            Thread.sleep(forTimeInterval: min(0.05, max(0, until.timeIntervalSinceNow)))
        }
    }

    private static func lostMessage(_ error: any Error) -> String {
        let words = (error as? PGError)?.message ?? "\(error)"
        return "The job store's database server cannot be reached (\(words)); the data shown may be stale. Reconnecting."
    }
}

extension PostgresJobStore: ChangeNotifyingStore {
    /// Watches the store's change announcements on a dedicated connection (see ``PostgresChangeListener``).
    public func watchChanges(_ report: @escaping @Sendable (StoreChange) -> Void) throws(StoreError) -> any StoreChangeWatch {
        let session = session
        let listener = PostgresChangeListener(info: info) { change in
            if change == .reconnected { session.serverIsBack() }
            report(change)
        }
        listener.start()
        return listener
    }
}
