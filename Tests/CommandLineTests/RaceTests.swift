import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("Racing deciders in separate processes")
struct RaceTests {
    @Test func eightProcessesRacingOnOneApprovalLeaveExactlyOneDecisionAndOneWinner() throws {
        guard geteuid() == 0 else {
            Issue.record("this test acts as 8 accounts with --as, which needs root")
            return
        }
        let fixture = try StoreFixture()
        let env = CLI.environment(home: fixture.folder)
        let deciders = (1...8).map { "sup-race-\($0)" }
        for account in deciders {
            _ = try fixture.gate().perform(.grant(account: account, role: .supervisor), as: Actor(account: "root-admin"))
        }
        let approval = try fixture.pendingApproval(risk: .medium, dueIn: 10 * 365 * 86_400)
        let auditBefore = try fixture.auditCount()

        let started = try deciders.enumerated().map { index, account in
            let verb = index % 2 == 0 ? ["approve", approval.description] : ["reject", approval.description, "--reason", "race \(index)"]
            return try CLI.start(verb + ["--store", fixture.path, "--as", account], environment: env)
        }
        let results = started.map { CLI.finish($0.0, $0.1, $0.2) }

        let winners = results.filter { $0.status == 0 }
        let losers = results.filter { $0.status == 4 }
        #expect(winners.count == 1, "\(results.map { "\($0.status): \($0.stderr)" })")
        #expect(losers.count == 7)
        for loser in losers {
            #expect(loser.stderr.contains("already"), "\(loser.stderr)")
        }
        let stored = try #require(try fixture.store.approval(approval))
        #expect(stored.decisions.count == 1)
        #expect(stored.state == .approved || stored.state == .rejected)
        #expect(try fixture.auditCount() == auditBefore + 8, "one audit record per attempt")
        let records = try fixture.store.auditRecords(AuditQuery(limit: 8))
        #expect(records.filter { $0.outcome == .ok }.count == 1)
        #expect(records.filter { $0.outcome == .conflict }.count == 7)
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }
}
