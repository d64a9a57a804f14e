import FactoryModel
import FactoryStore
import Foundation

/// The job store on a PostgreSQL server, shared by consoles and the runtime on many hosts.
///
/// The same contract, migrations, action gate and audit chain as ``SQLiteJobStore``: the gate's reads lock the
/// rows they may change (`SELECT … FOR UPDATE`), changes are compare-and-set on `version`, audit appends take an
/// advisory lock so the chain never forks, and a deadlock or serialization failure re-runs the whole transaction.
/// Every committed change is announced with `NOTIFY` (see ``watchChanges(_:)``); ``changeToken()`` stays the
/// polling fallback. A lost connection is made again with backoff; see ``transaction(_:)`` for a commit whose
/// answer was lost.
///
/// ## Topics
/// ### Opening
/// - ``init(location:mode:)``
/// - ``isPostgres(_:)``
/// ### Database roles
/// - ``installDatabaseRoles()``
public final class PostgresJobStore: JobStore {
    /// Where the store is, with any password hidden.
    public let location: String
    let info: ConnectionInfo
    let session: PGSession
    /// Set for `--read-only` commands: every transaction is read-only on the server too.
    let readOnly: Bool

    /// True when `location` names a PostgreSQL store (a URL, a keyword string, a service).
    public static func isPostgres(_ location: String) -> Bool { StoreLocation.isPostgres(location) }

    /// Connects to the store at `location` (a `postgres://` / `postgresql://` URL, a libpq keyword string, or
    /// `service=NAME`): creates its tables first for `.createIfMissing`, upgrades an older schema for
    /// `.existing`, and only checks it for `.readOnly`.
    public init(location given: String, mode: StoreOpenMode = .existing) throws(StoreError) {
        info = ConnectionInfo(location: given)
        location = info.redacted
        readOnly = mode == .readOnly
        session = PGSession(info: info, setup: readOnly ? "SET default_transaction_read_only = on" : nil)
        do {
            try session.exclusive { access in
                let connection = try access.connection()
                try PostgresMigrator(connection: connection, location: location).prepare(mode)
            }
        } catch {
            throw StoreError.postgres(error, location: location)
        }
    }

    /// Runs a read on the connection; when the connection turns out to be lost (the server restarted), makes a new
    /// one at once and reads again (a read has no effect to repeat).
    func read<T>(_ body: (PGConnection) throws -> T) throws(StoreError) -> T {
        do {
            return try session.exclusive { access in
                let connection = try access.connection()
                do {
                    return try body(connection)
                } catch let failure as PGError where failure.connectionLost || connection.isBroken {
                    access.drop()
                    return try body(try access.connection())
                }
            }
        } catch {
            throw StoreError.postgres(error, location: location)
        }
    }
}
