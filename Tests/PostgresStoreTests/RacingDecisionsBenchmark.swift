import Foundation
import Synchronization
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// Decision throughput with 8 racing clients, each on its own connection, SQLite and (when configured)
/// PostgreSQL: every client tries to decide every approval, in its own order; exactly one wins each. Prints the
/// figures (a measurement, not a timed assertion) and checks that the race left exactly one decision per
/// approval, one audit record per attempt and an intact chain.
@Suite("Racing deciders: throughput on SQLite and PostgreSQL", .serialized)
struct RacingDecisionsBenchmark {
    static let clients = 8
    static let approvals = 40

    @Test func sqlite() throws {
        try race(on: .sqlite)
    }

    @Test(.enabled(if: PostgresTestCluster.isConfigured, "needs FUSION_TEST_PG"))
    func postgres() throws {
        try race(on: .postgres(database: try #require(PostgresTestCluster.database)))
    }

    func race(on backend: TestStoreBackend) throws {
        let fixture = try StoreFixture(backend: backend)
        let deciders = (1...Self.clients).map { "sup-bench-\($0)" }
        for account in deciders {
            _ = try fixture.gate().perform(.grant(account: account, role: .supervisor), as: Actor(account: "root-admin"))
        }
        let ids = try (0..<Self.approvals).map { _ in try fixture.pendingApproval(risk: .medium, dueIn: 10 * 365 * 86_400) }
        let auditBefore = try fixture.auditCount()
        let stores = try deciders.map { _ in try fixture.openAnother() }
        let outcomes = Mutex<(won: Int, lost: Int, failed: [String])>((0, 0, []))
        let group = DispatchGroup()
        let start = Date()
        for (index, account) in deciders.enumerated() {
            let store = stores[index]
            let order = ids.shuffled()
            let now = fixture.now
            group.enter()
            Thread {
                let gate = ActionGate(store: store, clock: FixedClock(now))
                for id in order {
                    let action: OperatorAction = index % 2 == 0 ? .approve(id, reason: nil) : .reject(id, reason: "course \(index)")
                    let outcome = Result { () throws(ActionError) in try gate.perform(action, as: Actor(account: account)) }
                    outcomes.withLock { counts in
                        switch outcome {
                        case .success: counts.won += 1
                        case .failure(let error) where error.kind == .conflict: counts.lost += 1
                        case .failure(let error): counts.failed.append(error.message)
                        }
                    }
                }
                group.leave()
            }.start()
        }
        group.wait()
        let elapsed = Date().timeIntervalSince(start)
        let result = outcomes.withLock { $0 }
        let attempts = Self.clients * Self.approvals
        print(
            "figure: \(backend.isPostgres ? "PostgreSQL" : "SQLite"): \(Self.clients) racing clients, \(attempts) attempts on "
                + "\(Self.approvals) approvals in \(String(format: "%.2f", elapsed)) s: "
                + "\(String(format: "%.0f", Double(attempts) / elapsed)) attempts/s, "
                + "\(String(format: "%.0f", Double(result.won) / elapsed)) decisions/s committed"
        )
        #expect(result.failed.isEmpty, "\(result.failed.prefix(3))")
        #expect(result.won == Self.approvals)
        #expect(result.lost == attempts - Self.approvals)
        for id in ids {
            #expect(try fixture.store.approval(id)?.decisions.count == 1)
        }
        #expect(try fixture.auditCount() == auditBefore + attempts, "one audit record per attempt")
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }
}
