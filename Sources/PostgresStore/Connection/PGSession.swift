import Foundation

/// The store's connection to the server: one connection, used by one caller at a time, made again (with
/// ``ReconnectBackoff``) after the server restarted or the network failed.
final class PGSession: @unchecked Sendable {
    // @unchecked: `current`, `backoff` and `lastFailure` are touched only with `lock` held (see `exclusive`).
    private let lock = NSLock()
    let info: ConnectionInfo
    /// Fixed SQL run on every new connection (e.g. making a read-only store's sessions read-only on the server).
    let setup: String?
    private var current: PGConnection?
    private var backoff = ReconnectBackoff()
    private var lastFailure: PGError?

    init(info: ConnectionInfo, setup: String? = nil) {
        self.info = info
        self.setup = setup
    }

    /// Runs `body` with the connection to itself; nobody else uses it meanwhile.
    func exclusive<T>(_ body: (Access) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(Access(session: self))
    }

    /// What a caller holding the session may do.
    struct Access {
        fileprivate let session: PGSession

        /// The connection, made now if there is none or it broke; while the server stays unreachable, attempts are
        /// spaced out and callers in between get the last failure at once.
        func connection() throws(PGError) -> PGConnection {
            try session.connection(ignoringBackoff: false)
        }

        /// As ``connection()``, but tries now whatever the backoff says (to learn the fate of a commit).
        func connectionNow() throws(PGError) -> PGConnection {
            try session.connection(ignoringBackoff: true)
        }

        /// Forgets the connection (it broke mid-use); the next use makes a new one.
        func drop() { session.current = nil }
    }

    /// Seconds before the next connection attempt is due (0 when connected or due now).
    var pendingWait: TimeInterval {
        lock.lock()
        defer { lock.unlock() }
        return current == nil ? backoff.wait(at: Date()) : 0
    }

    /// Forgets past failures: the server is known to be back (the change listener reached it), so the next use
    /// connects at once.
    func serverIsBack() {
        lock.lock()
        defer { lock.unlock() }
        backoff.succeeded()
    }

    private func connection(ignoringBackoff: Bool) throws(PGError) -> PGConnection {
        if let current, !current.isBroken { return current }
        current = nil
        let now = Date()
        let wait = backoff.wait(at: now)
        if wait > 0 && !ignoringBackoff, let lastFailure {
            throw PGError(
                message: "\(lastFailure.message) (next attempt in \(String(format: "%.1f", wait)) s)", connectionLost: true
            )
        }
        do {
            let made = try PGConnection.open(info)
            if let setup { try made.script(setup) }
            backoff.succeeded()
            lastFailure = nil
            current = made
            return made
        } catch {
            backoff.failed(at: now)
            lastFailure = error
            throw error
        }
    }
}
