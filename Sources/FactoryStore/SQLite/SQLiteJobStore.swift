import Foundation
import FactoryModel
import GRDB

/// The embedded job store: one SQLite file in WAL mode, shared by every console and the runtime on this host.
///
/// Writers are serialised by SQLite (`BEGIN IMMEDIATE`) and wait up to ``busyTimeout`` for one another. Changes
/// by other processes are noticed by polling ``changeToken()`` (`PRAGMA data_version` on a connection that never
/// writes), because SQLite's own observation sees only this process.
public final class SQLiteJobStore: JobStore {
    /// How long a writer waits for another's lock before giving up with a "busy" error.
    public static let busyTimeout: TimeInterval = 5

    /// How to open the store (shared with the PostgreSQL store).
    public typealias OpenMode = StoreOpenMode

    public let location: String
    private let pool: DatabasePool
    /// A connection that only reads `PRAGMA data_version`, so that every commit (ours included) moves it.
    private let watcher: DatabaseQueue

    /// Opens the store at `path`.
    public init(path: String, mode: OpenMode = .existing) throws(StoreError) {
        location = path
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: path) {
            guard mode == .createIfMissing else {
                throw StoreError(
                    .missing,
                    "There is no job store at \(path). Create one with `fusion-console init --store \(path)` "
                        + "(add --demo for a demo factory), or point --store at an existing one."
                )
            }
            try Self.createFile(at: path)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.readonly = mode == .readOnly
        configuration.label = "fusion-job-store"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            var watcherConfiguration = Configuration()
            watcherConfiguration.readonly = true
            watcherConfiguration.busyMode = .timeout(Self.busyTimeout)
            watcherConfiguration.label = "fusion-job-store-watcher"
            if mode != .readOnly { try Self.migrate(pool, location: path) } else { try Self.checkSchema(pool, location: path) }
            watcher = try DatabaseQueue(path: path, configuration: watcherConfiguration)
        } catch {
            throw StoreError.from(error, location: path)
        }
    }

    /// Creates an empty file readable by owner and group only (0640), in a folder only its owner can enter
    /// when the folder is new (0700).
    static func createFile(at path: String) throws(StoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
                )
            } catch {
                throw StoreError(.readOnly, "Cannot create the folder \(folder) for the job store: \(error.localizedDescription)")
            }
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw StoreError(.readOnly, "Cannot create the job store at \(path): \(reason).")
        }
        fchmod(descriptor, 0o640)
        close(descriptor)
    }

    private static func knownMigrations(_ db: Database) throws -> (applied: [String], unknown: [String]) {
        guard try db.tableExists("grdb_migrations") else { return ([], []) }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        return (applied, applied.filter { !SQLiteSchema.migrationIDs.contains($0) })
    }

    private static func schemaTooNew(_ location: String, _ unknown: [String]) -> StoreError {
        StoreError(
            .schemaTooNew,
            "The job store at \(location) was upgraded by a newer fusion-console (schema \(unknown.joined(separator: ", "))). "
                + "Use that version, or a newer one."
        )
    }

    private static func migrate(_ pool: DatabasePool, location: String) throws {
        let unknown = try pool.read { db in try knownMigrations(db).unknown }
        guard unknown.isEmpty else { throw schemaTooNew(location, unknown) }
        let migrator = SQLiteSchema.migrator()
        let complete = try pool.read { db in try migrator.hasCompletedMigrations(db) }
        if !complete { try migrator.migrate(pool) }
    }

    private static func checkSchema(_ pool: DatabasePool, location: String) throws {
        let (applied, unknown) = try pool.read { db in try knownMigrations(db) }
        guard unknown.isEmpty else { throw schemaTooNew(location, unknown) }
        guard applied.count == SQLiteSchema.currentVersion else {
            throw StoreError(
                .unavailable,
                "The job store at \(location) has an older schema than this console's, and this command only reads it. "
                    + "Upgrade it in place once (nothing else changes): fusion-console init --store \(StoreLocation.shellWord(location))"
            )
        }
    }

    // MARK: - Reading

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError.from(error, location: location)
        }
    }

    public func schemaVersion() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    public func changeToken() throws(StoreError) -> Int64 {
        do {
            return try watcher.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw StoreError.from(error, location: location)
        }
    }

    public func sites() throws(StoreError) -> [Site] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM sites ORDER BY tier, name").map(SQLiteRows.site) }
    }

    public func pools() throws(StoreError) -> [Pool] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM pools ORDER BY id").map(SQLiteRows.pool) }
    }

    public func poolLoads() throws(StoreError) -> [PoolLoad] {
        try read { db in try SQLiteReads.poolLoads(db) }
    }

    public func institutes() throws(StoreError) -> [Institute] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM institutes ORDER BY position, name").map(SQLiteRows.institute) }
    }

    public func projectActivity(instituteID: String?) throws(StoreError) -> [ProjectActivity] {
        try read { db in try SQLiteReads.projectActivity(db, instituteID: instituteID) }
    }

    public func runs(_ query: RunQuery) throws(StoreError) -> [Run] {
        try read { db in try SQLiteReads.runs(db, query) }
    }

    public func runs(_ query: RunQuery, total: Int) throws(StoreError) -> [Run] {
        try read { db in try SQLiteReads.runs(db, query, total: total) }
    }

    public func runCount(_ query: RunQuery) throws(StoreError) -> Int {
        try read { db in try SQLiteReads.runCount(db, query) }
    }

    public func run(_ id: RunID) throws(StoreError) -> Run? {
        try read { db in try SQLiteTransaction(db: db).run(id) }
    }

    public func approvals(_ query: ApprovalQuery) throws(StoreError) -> [Approval] {
        try read { db in try SQLiteReads.approvals(db, query) }
    }

    public func approvalCount(_ query: ApprovalQuery) throws(StoreError) -> Int {
        try read { db in try SQLiteReads.approvalCount(db, query) }
    }

    public func approval(_ id: ApprovalID) throws(StoreError) -> Approval? {
        try read { db in try SQLiteReads.approval(db, id) }
    }

    public func approvals(forRun id: RunID) throws(StoreError) -> [Approval] {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM approvals WHERE run_id = ? ORDER BY id", arguments: [id.rawValue])
            return try ids.compactMap { try SQLiteReads.approval(db, ApprovalID(rawValue: $0)) }
        }
    }

    public func queueSummary(now: Date) throws(StoreError) -> QueueSummary {
        try read { db in try SQLiteReads.queueSummary(db, now: now) }
    }

    public func operators() throws(StoreError) -> [OperatorAccount] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM operators ORDER BY account").map(SQLiteRows.operatorAccount) }
    }

    public func role(of account: String) throws(StoreError) -> Role {
        try read { db in try SQLiteTransaction(db: db).role(of: account) }
    }

    public func auditRecords(_ query: AuditQuery) throws(StoreError) -> [AuditRecord] {
        try read { db in try SQLiteReads.auditRecords(db, query) }
    }

    public func auditCount(_ query: AuditQuery) throws(StoreError) -> Int {
        try read { db in try SQLiteReads.auditCount(db, query) }
    }

    public func verifyAudit() throws(StoreError) -> AuditVerification {
        var verifier = AuditVerifier()
        let broken = try verifyAudit(continuing: &verifier)
        return AuditVerification(checked: verifier.checked, firstBreak: broken)
    }

    public func verifyAudit(continuing verifier: inout AuditVerifier) throws(StoreError) -> AuditBreak? {
        try verifyAudit(continuing: &verifier, upTo: nil)
    }

    // MARK: - Writing

    public func transaction<T: Sendable>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        do {
            return try pool.write { db in try body(SQLiteTransaction(db: db)) }
        } catch let error as ActionError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.from(error, location: location)
        }
    }

    /// Runs `body` with the raw database in one write transaction: for bulk loading (demo data, seeding) only.
    /// Operator changes must go through ``ActionGate``.
    public func bulkLoad<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError.from(error, location: location)
        }
    }
}
