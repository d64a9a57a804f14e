import FactoryModel
import FactoryStore
import Foundation

extension PostgresJobStore {
    /// How many times a transaction is run when it loses to a deadlock or a serialization failure, or its
    /// connection is lost before it commits.
    static let maxAttempts = 5
    /// How long a transaction whose commit went unanswered waits for the server to tell whether it committed.
    static let commitResolutionWindow: TimeInterval = 20

    /// Runs `body` in one READ COMMITTED transaction and commits it.
    ///
    /// A deadlock or serialization failure rolls back and runs `body` again (up to ``maxAttempts`` times; `body`
    /// only works through the transaction, so running it again is safe); so does a connection lost before the
    /// commit was sent, since nothing was committed. When the connection is lost while the commit is under way,
    /// the store reconnects and asks the server (`pg_xact_status`) whether that transaction committed: the
    /// caller gets its result if it did, a plain failure if it did not, and otherwise a message saying the outcome
    /// is unknown and to look at the audit trail before trying again. Never a guess.
    public func transaction<T: Sendable>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        var attempt = 1
        while true {
            let outcome: Attempt<T>
            do {
                outcome = try session.exclusive { access in try Self.attempt(body, access: access, location: location) }
            } catch let error as ActionError {
                throw error
            } catch let error as StoreError {
                throw error
            } catch let error as PGError {
                throw StoreError.postgres(error, location: location)
            }
            switch outcome {
            case .done(let value):
                return value
            case .retry(let failure):
                guard attempt < Self.maxAttempts else { throw StoreError.postgres(failure, location: location) }
                attempt += 1
                // Contention: a short random pause. A lost connection: wait for the next reconnection attempt
                // (at most a second), so that an action made just as the server comes back goes through.
                let pause = failure.connectionLost ? min(1, session.pendingWait) : 0
                Thread.sleep(forTimeInterval: pause + Double.random(in: 0.002...0.02) * Double(attempt))
            }
        }
    }

    enum Attempt<T> {
        case done(T)
        case retry(PGError)
    }

    private static func attempt<T>(
        _ body: (any StoreTransaction) throws -> T, access: PGSession.Access, location: String
    ) throws -> Attempt<T> {
        let db: PGConnection
        let xid: String
        do {
            (db, xid) = try begin(access)
        } catch let failure as PGError where failure.connectionLost {
            access.drop()
            return .retry(failure)
        }
        let value: T
        do {
            value = try body(PostgresTransaction(db: db))
        } catch {
            if db.isBroken {
                access.drop()
            } else {
                _ = try? db.script("ROLLBACK")
            }
            if let failure = error as? PGError, failure.isRetryable || failure.connectionLost { return .retry(failure) }
            throw error
        }
        let committed: PGRows
        do {
            committed = try commit(db)
        } catch let failure as PGError where failure.sqlState == nil || failure.connectionLost {
            access.drop()
            return try resolveLostCommit(xid: xid, value: value, access: access, location: location)
        } catch let failure as PGError where failure.isRetryable {
            return .retry(failure)
        }
        guard committed.command == "COMMIT" else {
            throw StoreError(.unavailable, "The job store at \(location) rolled the change back (\(committed.command)); nothing changed.")
        }
        return .done(value)
    }

    /// Opens the transaction; returns the connection and the transaction's id (to ask about it if the commit's
    /// answer is lost). Untyped `throws`, so that callers can pick PGError cases apart.
    private static func begin(_ access: PGSession.Access) throws -> (PGConnection, String) {
        let db = try access.connection()
        let row = try db.script("BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_current_xact_id()::text AS xid").first
        return (db, row?.string("xid") ?? "")
    }

    private static func commit(_ db: PGConnection) throws -> PGRows {
        try db.script("COMMIT")
    }

    /// The commit was sent but its answer lost: reconnects and asks the server what became of transaction `xid`.
    private static func resolveLostCommit<T>(
        xid: String, value: T, access: PGSession.Access, location: String
    ) throws -> Attempt<T> {
        let deadline = Date().addingTimeInterval(commitResolutionWindow)
        var pause: TimeInterval = 0.2
        var lastProblem = "the server did not answer"
        while Date() < deadline {
            do {
                let db = try access.connectionNow()
                let status = try db.query("SELECT pg_xact_status($1::xid8) AS status", [xid]).first?["status"]
                switch status {
                case "committed":
                    return .done(value)
                case "aborted":
                    throw StoreError(
                        .unavailable,
                        "The connection to the job store at \(location) was lost while committing, and the server says the "
                            + "change did not commit: nothing changed. Try again."
                    )
                case "in progress":
                    lastProblem = "the transaction was still finishing"
                default:
                    throw unknown(location, "the server no longer knows that transaction")
                }
            } catch let failure as PGError {
                access.drop()
                lastProblem = failure.message
            }
            Thread.sleep(forTimeInterval: pause)
            pause = min(pause * 2, 2)
        }
        throw unknown(location, lastProblem)
    }

    /// Never retried: the change may have been saved.
    private static func unknown(_ location: String, _ problem: String) -> StoreError {
        StoreError(
            .unavailable,
            "The connection to the job store at \(location) was lost while committing, and whether the change was saved "
                + "is unknown (\(problem)). Once the server is back, look at the item and at `fusion-console audit` "
                + "before trying again."
        )
    }
}
