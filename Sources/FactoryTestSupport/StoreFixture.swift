import Foundation
import FactoryModel
import FactoryStore
import GRDB
import PostgresStore

/// A small factory in a fresh store with a clock the test controls. For tests only.
///
/// The store is an SQLite file in a temporary folder, or, when ``TestStoreBackend/current`` is PostgreSQL, a
/// schema of its own in the test database (so that every fixture starts empty and fixtures run side by side).
public final class StoreFixture: @unchecked Sendable {
    /// A temporary folder (the SQLite file's, and the home of command-line runs), removed when the fixture goes.
    public let folder: URL
    /// The store's location, as `--store` takes it: the SQLite file, or the PostgreSQL connection string.
    public let path: String
    /// The store.
    public let store: any RawSQLStore
    /// The backend the store is on.
    public let backend: TestStoreBackend
    /// The fixed "now" of the test.
    public let now = Date(timeIntervalSince1970: 1_795_000_000)
    private let schema: PostgresTestSchema?

    /// The PostgreSQL schema the store lives in (nil for SQLite).
    public var schemaName: String? { schema?.name }

    /// The store's location (the same as ``path``).
    public var location: String { path }

    /// Creates the store with two sites, three pools, one institute and project, and the accounts
    /// root-admin (admin), ops-nuit (operator), sup-eau, sup-rsu, sup-energie (supervisors), audit-viewer (viewer).
    public init(backend: TestStoreBackend = .current) throws {
        self.backend = backend
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        switch backend {
        case .sqlite:
            schema = nil
            path = folder.appendingPathComponent("factory.sqlite").path
            store = try SQLiteJobStore(path: path, mode: .createIfMissing)
        case .postgres(let database):
            let schema = try PostgresTestSchema(database: database)
            self.schema = schema
            path = schema.location
            store = try PostgresJobStore(location: path, mode: .createIfMissing)
        }
        try StoreBootstrap.claimAdmin(for: Actor(account: "root-admin"), in: store, at: now)
        try store.rawSQL { db in
            try db.execute("INSERT INTO sites VALUES ('dakhla', 'Dakhla', 'giga', 'Dakhla-Oued Ed-Dahab')")
            try db.execute("INSERT INTO sites VALUES ('rabat', 'Rabat', 'mega', 'Rabat-Salé-Kénitra')")
            try db.execute("INSERT INTO pools VALUES ('dakhla-gpu', 'dakhla', 'gpu', 64, 1024)")
            try db.execute("INSERT INTO pools VALUES ('benguerir-gpu', 'dakhla', 'gpu', 16, 256)")
            try db.execute("INSERT INTO pools VALUES ('rabat-cpu', 'rabat', 'cpu', 0, 512)")
            try db.execute(
                "INSERT INTO institutes VALUES ('guelmim-oued-noun', 'Guelmim-Oued Noun', 'Guelmim-Oued Noun', 'water', 'Université Ibn Zohr', 1)"
            )
            try db.execute("""
                INSERT INTO projects (id, institute_id, name, sector, phase, health, gpu_hours_budget, gpu_hours_used, next_milestone)
                    VALUES (1, 'guelmim-oued-noun', 'Eau prédictive', 'water', 'pilot', 'amber', 5000, 1200, 'Revue du pilote')
                """)
        }
        let grants: [(String, Role)] = [
            ("ops-nuit", .operator), ("sup-eau", .supervisor), ("sup-rsu", .supervisor), ("sup-energie", .supervisor),
            ("audit-viewer", .viewer),
        ]
        for (account, role) in grants {
            _ = try gate().perform(.grant(account: account, role: role), as: Actor(account: "root-admin"))
        }
    }

    /// Opens the fixture's store once more, as a second console or process would (its own connection).
    public func openAnother(mode: StoreOpenMode = .existing) throws -> any RawSQLStore {
        switch backend {
        case .sqlite: try SQLiteJobStore(path: path, mode: mode)
        case .postgres: try PostgresJobStore(location: path, mode: mode)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    public func gate(readOnly: Bool = false, at time: Date? = nil) -> ActionGate {
        ActionGate(store: store, clock: FixedClock(time ?? now), readOnly: readOnly)
    }

    public func runtime(at time: Date? = nil) -> RuntimeService {
        RuntimeService(store: store, clock: FixedClock(time ?? now))
    }

    /// Submits a run (by `submitter`) and drives it to `state` through the runtime.
    public func makeRun(state: RunState, pool: String = "dakhla-gpu", gpus: Int = 4, submitter: String = "hydro-planner") throws -> RunID {
        let runtime = runtime(at: now.addingTimeInterval(-600))
        let id = try runtime.submit(NewRun(
            agent: "hydro-planner", title: "Prévision de pénurie — bassin du Souss", projectID: ProjectID(rawValue: 1),
            priority: .normal, poolID: pool, gpus: gpus, cpus: 16, submittedBy: submitter,
            submittedAt: now.addingTimeInterval(-600)
        ))
        switch state {
        case .queued:
            break
        case .running:
            try runtime.start(id, node: "dkh-gpu-001")
        case .awaitingApproval:
            try runtime.start(id, node: "dkh-gpu-001")
            _ = try makeApproval(for: id, risk: .low)
        default:
            fatalError("use the runtime to reach \(state)")
        }
        return id
    }

    /// Puts a running run into awaiting_approval with a new approval; returns the approval.
    public func makeApproval(for run: RunID, risk: Risk, requestedBy: String = "hydro-planner", dueIn: TimeInterval = 3600) throws -> ApprovalID {
        try runtime(at: now.addingTimeInterval(-300)).requestApproval(NewApproval(
            runID: run, subject: "Allocation des aides eau — Souss-Massa",
            proposedAction: "release 12.4 M m³ to 37 communes", rationale: "forecast deficit 18 %", risk: risk,
            requestedBy: requestedBy, requestedAt: now.addingTimeInterval(-300), dueAt: now.addingTimeInterval(dueIn)
        ))
    }

    /// A pending approval on a fresh awaiting run.
    public func pendingApproval(risk: Risk = .low, submitter: String = "hydro-planner", dueIn: TimeInterval = 3600) throws -> ApprovalID {
        let run = try makeRun(state: .running, submitter: submitter)
        return try makeApproval(for: run, risk: risk, dueIn: dueIn)
    }

    public func auditCount() throws -> Int {
        try store.auditRecords(AuditQuery(limit: 1_000_000)).count
    }

    /// Every row of the tables an action may change, to prove that nothing changed.
    public func snapshot() throws -> String {
        try store.rawSQL { db in
            var text = ""
            for table in ["runs", "approvals", "decisions", "operators", "audit_log"] {
                for row in try db.rows("SELECT * FROM \(table) ORDER BY 1") { text += "\(table): \(row)\n" }
            }
            return text
        }
    }

    /// Runs `sql` behind the store's back, as someone with raw access to the database would: the append-only
    /// triggers of the audit trail are removed first (SQLite: dropped; PostgreSQL: disabled, which needs the
    /// tables' owner). For tamper-detection tests.
    public func tamper(_ sql: String) throws {
        let unguard = backend.isPostgres
            ? "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update; ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_delete;"
            : "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;"
        try store.rawSQL { db in
            try db.execute(unguard)
            try db.execute(sql)
        }
    }
}
