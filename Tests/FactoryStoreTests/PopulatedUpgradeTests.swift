import Foundation
import GRDB
import Testing
import FactoryModel
@testable import FactoryStore
import FactoryTestSupport

/// A store made by the first release (schema 1) with work in it, upgraded in place by opening it: nothing lost,
/// the derived tables of schema 2 filled from the rows already there, schema 3's tables usable at once.
@Suite("Upgrading a populated store in place", .enabled(if: !TestStoreBackend.current.isPostgres, "builds an SQLite file of schema 1"))
struct PopulatedUpgradeTests {
    @Test func aSchema1StoreWithWorkInItIsUpgradedAndKeepsEverything() throws {
        // The work: runs in every state the fixture makes, approvals, a decision, grants; all audited.
        let fixture = try StoreFixture()
        let runtime = fixture.runtime()
        for pool in ["dakhla-gpu", "benguerir-gpu"] {
            _ = try fixture.makeRun(state: .queued, pool: pool, gpus: 2)
            _ = try fixture.makeRun(state: .running, pool: pool, gpus: 2)
            try runtime.finish(try fixture.makeRun(state: .running, pool: pool, gpus: 2), succeeded: true)
            try runtime.finish(try fixture.makeRun(state: .running, pool: pool, gpus: 2), succeeded: false, reason: "out of memory")
        }
        let decided = try fixture.pendingApproval(risk: .low)
        _ = try fixture.gate().perform(.approve(decided, reason: "checked"), as: Actor(account: "sup-eau"))
        let pending = try fixture.pendingApproval(risk: .high)

        // The same rows in a file that has only schema 1.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("v1.sqlite").path
        do {
            let queue = try DatabaseQueue(path: old)
            try SQLiteSchema.migrator().migrate(queue, upTo: SQLiteSchema.migrationIDs[0])
            try queue.inDatabase { db in
                try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [fixture.path])
                for table in ["sites", "pools", "institutes", "projects", "runs", "approvals", "decisions", "operators", "audit_log"] {
                    try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM current.\(table)")
                }
                try db.execute(sql: "DETACH DATABASE current")
            }
            #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") } == ["v1-factory"])
            try queue.close()
        }

        // A command that only reads does not upgrade it; it says how.
        #expect {
            _ = try SQLiteJobStore(path: old, mode: .readOnly)
        } throws: { error in
            "\(error)".contains("older schema") && "\(error)".contains("fusion-console init --store \(old)")
        }
        let upgraded = try SQLiteJobStore(path: old, mode: .existing)
        #expect(try upgraded.schemaVersion() == JobStoreSchema.version)
        for state in RunState.allCases {
            #expect(try upgraded.runCount(RunQuery(states: [state])) == fixture.store.runCount(RunQuery(states: [state])), "\(state)")
        }
        let now = fixture.now
        #expect(try upgraded.queueSummary(now: now).count(.queued) == fixture.store.queueSummary(now: now).count(.queued))
        #expect(try upgraded.queueSummary(now: now).pendingApprovals == 1)
        #expect(try upgraded.runCount(RunQuery(text: "hydro")) == fixture.store.runCount(RunQuery(text: "hydro")), "the text index was not built from the old rows")
        #expect(try upgraded.approval(decided)?.state == .approved)
        #expect(try upgraded.auditRecords(AuditQuery(limit: 10_000)).count == fixture.auditCount())
        #expect(try upgraded.verifyAudit().firstBreak == nil)

        // And it works as a store of today: a decision, and a pause (a schema 3 table).
        _ = try ActionGate(store: upgraded, clock: FixedClock(now)).perform(.approve(pending, reason: nil), as: Actor(account: "sup-eau"))
        _ = try ActionGate(store: upgraded, clock: FixedClock(now)).perform(
            .pause(scope: .pool, target: "dakhla-gpu", mode: .continue, reason: "after the upgrade"), as: Actor(account: "sup-rsu"))
        #expect(try upgraded.pausedPoolIDs() == ["dakhla-gpu"])
        #expect(try upgraded.verifyAudit().firstBreak == nil)
    }
}
