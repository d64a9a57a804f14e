import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport
import PostgresStore

/// The oversight actions under database-enforced roles: done through the console as oneself, refused in raw SQL.
extension DatabaseRoleTests {
    @Test func supervisorsPauseConfirmReverseAndOperatorsEscalateAsThemselves() throws {
        let alice = try store(as: "pg-sup-alice")
        let bruno = try store(as: "pg-sup-bruno")
        let chama = try store(as: "pg-ops-chama")
        let running = try fixture.makeRun(state: .running)
        let clock = FixedClock(fixture.now)
        _ = try ActionGate(store: alice, clock: clock)
            .perform(.pause(scope: .site, target: "dakhla", mode: .drain, reason: "alerte réseau"), as: Actor(account: "pg-sup-alice"))
        let pause = try #require(try fixture.store.pauses().first)
        _ = try ActionGate(store: bruno, clock: clock).perform(.confirmPause(pause.id, reason: "vu"), as: Actor(account: "pg-sup-bruno"))
        #expect(try fixture.store.pausedPoolIDs() == ["dakhla-gpu", "benguerir-gpu"])
        #expect(try fixture.store.run(running)?.cancelRequest?.by == "pg-sup-bruno")

        let approval = try fixture.makeApproval(for: try fixture.makeRun(state: .running, pool: "rabat-cpu", gpus: 0), risk: .low)
        _ = try ActionGate(store: chama, clock: clock)
            .perform(.escalate(approval, to: "pg-sup-alice", reason: "urgent"), as: Actor(account: "pg-ops-chama"))
        _ = try ActionGate(store: alice, clock: clock).perform(.approve(approval, reason: "ok"), as: Actor(account: "pg-sup-alice"))
        _ = try ActionGate(store: bruno, clock: FixedClock(fixture.now.addingTimeInterval(30)))
            .perform(.reverse(approval, reason: "mauvais bassin"), as: Actor(account: "pg-sup-bruno"))
        #expect(try fixture.store.approval(approval)?.state == .pending)
        _ = try ActionGate(store: bruno, clock: FixedClock(fixture.now.addingTimeInterval(60)))
            .perform(.resume(pause.id, reason: "rétabli"), as: Actor(account: "pg-sup-bruno"))
        #expect(try fixture.store.pausedPoolIDs().isEmpty)
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }

    @Test func oversightTablesRefuseWhatTheConsoleWouldRefuse() throws {
        let approval = try fixture.pendingApproval()
        _ = try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau"))
        let now = fixture.now.epochMilliseconds
        #expect(try refusedInSQL("pg-ops-chama", [
            ("INSERT INTO pauses (scope, target, mode, reason, requested_by, requested_at) VALUES ('pool', 'dakhla-gpu', 'continue', 'x', ?, ?)",
             ["pg-ops-chama", now]),
        ]))
        #expect(try refusedInSQL("pg-sup-alice", [
            ("INSERT INTO pauses (scope, target, mode, reason, requested_by, requested_at) VALUES ('pool', 'dakhla-gpu', 'continue', 'x', ?, ?)",
             ["pg-sup-bruno", now]),
        ]))
        #expect(try refusedInSQL("pg-sup-alice", [
            ("UPDATE approvals SET state = 'pending', decided_at = NULL, version = version + 1 WHERE id = ?", [approval.rawValue]),
        ]))
        #expect(try refusedInSQL("pg-ops-chama", [
            ("INSERT INTO escalations (approval_id, escalated_by, to_account, reason, at) VALUES (?, ?, 'pg-sup-alice', 'x', ?)",
             [approval.rawValue, "pg-sup-alice", now]),
        ]))
        #expect(try refusedInSQL("pg-sup-alice", [
            ("DELETE FROM escalations", []),
        ]))
        #expect(try fixture.store.approval(approval)?.state == .approved)
    }
}
