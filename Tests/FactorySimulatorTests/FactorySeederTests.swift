import Foundation
import GRDB
import Testing
import FactoryModel
import FactoryStore
@testable import FactorySimulator

/// `fusion-console seed`: a large store that is a valid factory, the same for the same seed, and whose derived
/// tables (schema 2) agree with the rows they summarise, also after the runtime and operators have changed it.
@Suite("Seeding large stores")
struct FactorySeederTests {
    static let options = SeedOptions(nodes: 100, runs: 3_000, pendingApprovals: 40, auditRecords: 400, seed: 9, now: demoNow)

    func seeded(_ options: SeedOptions = Self.options) throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-seed-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("big.sqlite").path
        _ = try FactorySeeder.seed(path: path, options: options, creator: demoCreator)
        return (folder, path)
    }

    @Test func theStoreHasExactlyWhatWasAskedAndAValidAuditChain() throws {
        let (folder, path) = try seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteJobStore(path: path)
        #expect(try store.schemaVersion() == JobStoreSchema.version)
        #expect(try store.runCount(RunQuery(limit: 1)) == 3_000)
        #expect(try store.approvalCount(ApprovalQuery(states: [.pending], limit: 1)) == 40)
        let verification = try store.verifyAudit()
        #expect(verification.firstBreak == nil)
        #expect(verification.checked == 400)
        for approval in try store.approvals(ApprovalQuery(states: [.pending], limit: 100)) {
            #expect(try store.run(approval.runID)?.state == .awaitingApproval, "pending \(approval.id) holds no waiting run")
        }
    }

    @Test func theSameSeedGivesTheSameRowsAndAnotherSeedDoesNot() throws {
        let first = try seeded(), second = try seeded()
        var other = Self.options
        other.seed = 10
        let third = try seeded(other)
        defer { for folder in [first.folder, second.folder, third.folder] { try? FileManager.default.removeItem(at: folder) } }
        func digest(_ path: String) throws -> [String] {
            try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT id || '|' || title || '|' || state || '|' || pool_id FROM runs ORDER BY id")
            }
        }
        #expect(try digest(first.path) == digest(second.path))
        #expect(try digest(first.path) != digest(third.path))
    }

    @Test func anExistingStoreIsNeverTouched() throws {
        let (folder, path) = try seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) {
            _ = try FactorySeeder.seed(path: path, options: Self.options, creator: demoCreator)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func impossibleOptionsAreExplainedInTheWordsOfTheFlags() {
        var options = Self.options
        options.pendingApprovals = options.runs + 1
        #expect(options.problem?.contains("--approvals") == true)
        options = Self.options
        options.nodes = 3
        #expect(options.problem?.contains("--nodes") == true)
        options = Self.options
        options.auditRecords = 1
        #expect(options.problem?.contains("--audit") == true)
        #expect(Self.options.problem == nil)
    }

    @Test func derivedCountsStayExactWhileTheRuntimeAndOperatorsChangeTheStore() throws {
        let fixture = try SimulationFixture()
        for _ in 0..<60 { _ = try fixture.simulation.advance(by: 2) }
        if let queued = try fixture.runs(.queued).first {
            try fixture.act(.reroute(queued.id, toPool: queued.poolID == "benguerir-gpu" ? "dakhla-gpu" : "benguerir-gpu",
                                     reason: "rebalance"), as: "ops-nuit")
        }
        if let running = try fixture.runs(.running).first {
            try fixture.act(.cancel(running.id, reason: "runaway"), as: "ops-nuit")
        }
        for _ in 0..<20 { _ = try fixture.simulation.advance(by: 2) }
        try Self.expectDerivedTablesMatch(fixture.temporary.folder.appendingPathComponent("factory.sqlite").path)

        let (folder, path) = try seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.expectDerivedTablesMatch(path)
    }

    @Test func aFilteredCountReadFromTheTrigramIndexEqualsAScan() throws {
        let (folder, path) = try seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteJobStore(path: path)
        let titles = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT title FROM runs GROUP BY title ORDER BY COUNT(*) DESC LIMIT 3")
        }
        for title in titles {
            for needle in [String(title.prefix(3)), String(title.dropFirst(2).prefix(5)), title.lowercased()] {
                let scanned = try DatabaseQueue(path: path).read { db in
                    try Int.fetchOne(db, sql: """
                        SELECT COUNT(*) FROM runs r JOIN projects p ON p.id = r.project_id
                        WHERE r.title LIKE '%' || ?1 || '%' OR r.agent LIKE '%' || ?1 || '%' OR p.name LIKE '%' || ?1 || '%'
                        """, arguments: [needle]) ?? -1
                }
                #expect(try store.runCount(RunQuery(text: needle, limit: 1)) == scanned, "filter \(needle)")
            }
        }
    }

    /// `run_counts` and `approval_counts` hold exactly the GROUP BY of the rows they summarise.
    static func expectDerivedTablesMatch(_ path: String) throws {
        try DatabaseQueue(path: path).read { db in
            let runDifferences = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (
                    SELECT project_id, pool_id, state, COUNT(*) AS n, SUM(gpus) AS g, SUM(cpus) AS c FROM runs GROUP BY 1, 2, 3
                    EXCEPT SELECT project_id, pool_id, state, n, gpus, cpus FROM run_counts WHERE n > 0)
                """) ?? -1
            let staleRunCounts = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (
                    SELECT project_id, pool_id, state, n, gpus, cpus FROM run_counts WHERE n > 0
                    EXCEPT SELECT project_id, pool_id, state, COUNT(*), SUM(gpus), SUM(cpus) FROM runs GROUP BY 1, 2, 3)
                """) ?? -1
            let approvalDifferences = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (
                    SELECT COALESCE(r.project_id, 0), a.state, a.risk, COUNT(*) FROM approvals a
                        LEFT JOIN runs r ON r.id = a.run_id GROUP BY 1, 2, 3
                    EXCEPT SELECT project_id, state, risk, n FROM approval_counts WHERE n > 0)
                """) ?? -1
            let negative = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run_counts WHERE n < 0") ?? -1
            #expect(runDifferences == 0)
            #expect(staleRunCounts == 0)
            #expect(approvalDifferences == 0)
            #expect(negative == 0)
        }
    }
}
