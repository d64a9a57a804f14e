import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("Reversing a decision within its window, before its run acts; escalating to a named supervisor")
struct ReverseEscalateGateTests {
    let eau = Actor(account: "sup-eau")
    let rsu = Actor(account: "sup-rsu")
    let energie = Actor(account: "sup-energie")

    @Test func aReversalIsALinkedRecordAndTheApprovalIsPendingAgain() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval()
        _ = try fixture.gate().perform(.approve(approval, reason: "looked fine"), as: eau)
        #expect(try fixture.store.approval(approval)?.state == .approved)

        let missing = refusal { () throws(ActionError) in try fixture.gate(at: fixture.now.addingTimeInterval(60)).perform(.reverse(approval, reason: ""), as: rsu) }
        #expect(missing?.kind == .invalidInput)
        let operatorTry = refusal { () throws(ActionError) in
            try fixture.gate(at: fixture.now.addingTimeInterval(60)).perform(.reverse(approval, reason: "x"), as: Actor(account: "ops-nuit"))
        }
        #expect(operatorTry?.kind == .notPermitted)

        let receipt = try fixture.gate(at: fixture.now.addingTimeInterval(60)).perform(.reverse(approval, reason: "wrong basin"), as: rsu)
        #expect(receipt.message.contains("pending again"))
        let reopened = try #require(try fixture.store.approval(approval))
        #expect(reopened.state == .pending)
        #expect(reopened.decisions.isEmpty)
        let kept = try fixture.store.rawSQL { db in try db.rows("SELECT decided_by, verdict FROM decisions") }
        #expect(kept.count == 1)
        #expect(kept.first?["decided_by"].string == "sup-eau")

        let runtime = fixture.runtime(at: fixture.now.addingTimeInterval(61))
        #expect(try runtime.actOnDecision(reopened.runID) == nil)
        #expect(try fixture.store.run(reopened.runID)?.state == .awaitingApproval)

        let same = refusal { () throws(ActionError) in try fixture.gate(at: fixture.now.addingTimeInterval(90)).perform(.approve(approval, reason: nil), as: eau) }
        #expect(same?.kind == .notPermitted)
        _ = try fixture.gate(at: fixture.now.addingTimeInterval(120)).perform(.reject(approval, reason: "wrong basin indeed"), as: energie)
        #expect(try fixture.store.approval(approval)?.state == .rejected)
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
        #expect(try StoreInvariants.problems(in: fixture.store).isEmpty)
    }

    @Test func fourEyesCountsOnlyDecisionsNotReversed() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .high)
        _ = try fixture.gate().perform(.approve(approval, reason: nil), as: eau)
        _ = try fixture.gate(at: fixture.now.addingTimeInterval(10)).perform(.reverse(approval, reason: "too quick"), as: rsu)
        _ = try fixture.gate(at: fixture.now.addingTimeInterval(20)).perform(.approve(approval, reason: nil), as: rsu)
        let afterOne = try #require(try fixture.store.approval(approval))
        #expect(afterOne.state == .pending)
        #expect(afterOne.approvers == ["sup-rsu"])
        _ = try fixture.gate(at: fixture.now.addingTimeInterval(30)).perform(.approve(approval, reason: nil), as: energie)
        #expect(try fixture.store.approval(approval)?.state == .approved)
        #expect(try StoreInvariants.problems(in: fixture.store).isEmpty)
    }

    @Test func noReversalAfterTheWindowOrOnceTheRunActed() throws {
        let fixture = try StoreFixture()
        let late = try fixture.pendingApproval()
        _ = try fixture.gate().perform(.approve(late, reason: nil), as: eau)
        let window = refusal { () throws(ActionError) in
            try fixture.gate(at: fixture.now.addingTimeInterval(601)).perform(.reverse(late, reason: "too late"), as: rsu)
        }
        #expect(window?.kind == .conflict)
        #expect(window?.message.contains("10 min") == true)
        #expect(try fixture.store.auditRecords(AuditQuery(limit: 1)).first?.outcome == .conflict)
        let short = ActionGate(store: fixture.store, clock: FixedClock(fixture.now.addingTimeInterval(30)), rules: OversightRules(reverseWindow: 20))
        #expect(refusal { () throws(ActionError) in try short.perform(.reverse(late, reason: "x"), as: rsu) }?.kind == .conflict)

        let acted = try fixture.pendingApproval()
        _ = try fixture.gate().perform(.approve(acted, reason: nil), as: eau)
        let run = try #require(try fixture.store.approval(acted)?.runID)
        #expect(try fixture.runtime().actOnDecision(run) == .running)
        let afterRun = refusal { () throws(ActionError) in
            try fixture.gate(at: fixture.now.addingTimeInterval(5)).perform(.reverse(acted, reason: "oops"), as: rsu)
        }
        #expect(afterRun?.kind == .conflict)
        #expect(afterRun?.message.contains("already acted") == true)
        #expect(try fixture.store.approval(acted)?.state == .approved)
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }

    @Test func reversingPastTheDeadlineExpiresIt() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(dueIn: 30)
        _ = try fixture.gate().perform(.reject(approval, reason: "no"), as: eau)
        _ = try fixture.gate(at: fixture.now.addingTimeInterval(60)).perform(.reverse(approval, reason: "mistake"), as: rsu)
        #expect(try fixture.store.approval(approval)?.state == .expired)
    }

    @Test func escalationGoesToASupervisorAndIsRecorded() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(dueIn: 600)
        let toOperator = refusal { () throws(ActionError) in
            try fixture.gate().perform(.escalate(approval, to: "ops-nuit", reason: "please"), as: Actor(account: "ops-nuit"))
        }
        #expect(toOperator?.kind == .invalidInput)
        let byViewer = refusal { () throws(ActionError) in
            try fixture.gate().perform(.escalate(approval, to: "sup-eau", reason: "please"), as: Actor(account: "audit-viewer"))
        }
        #expect(byViewer?.kind == .notPermitted)
        let noReason = refusal { () throws(ActionError) in
            try fixture.gate().perform(.escalate(approval, to: "sup-eau", reason: ""), as: Actor(account: "ops-nuit"))
        }
        #expect(noReason?.kind == .invalidInput)

        let receipt = try fixture.gate().perform(.escalate(approval, to: "sup-eau", reason: "due in 10 min"), as: Actor(account: "ops-nuit"))
        #expect(receipt.message.contains("Escalated"))
        let escalations = try fixture.store.escalations(of: [approval])[approval] ?? []
        #expect(escalations.map(\.to) == ["sup-eau"])
        #expect(escalations.first?.escalatedBy == "ops-nuit")
        #expect(OversightRules().isNearDeadline(try #require(try fixture.store.approval(approval)), at: fixture.now))

        _ = try fixture.runtime(at: fixture.now.addingTimeInterval(700)).expireOverdue()
        let expired = try #require(try fixture.store.approval(approval))
        #expect(expired.state == .expired)
        #expect(try fixture.store.onDuty(for: expired) == ["sup-eau"])
        #expect(try fixture.store.verifyAudit().firstBreak == nil)

        let other = try fixture.pendingApproval(dueIn: 60)
        _ = try fixture.runtime(at: fixture.now.addingTimeInterval(120)).expireOverdue()
        let unescalated = try #require(try fixture.store.approval(other))
        #expect(try fixture.store.onDuty(for: unescalated) == ["root-admin", "sup-eau", "sup-energie", "sup-rsu"])
        #expect(throws: (any Error).self) { try fixture.store.rawSQL { db in try db.execute("DELETE FROM escalations") } }
    }

    @Test func theReportCountsPerSupervisorAndFlagsFastDecisions() throws {
        let fixture = try StoreFixture()
        let first = try fixture.pendingApproval()
        let second = try fixture.pendingApproval()
        _ = try fixture.gate().perform(.approve(first, reason: nil), as: eau)
        _ = try fixture.gate().perform(.reject(second, reason: "no"), as: eau)
        let facts = try fixture.store.decisionFacts(since: fixture.now.addingTimeInterval(-3600), until: fixture.now.addingTimeInterval(1))
        #expect(facts.count == 2)
        let figures = OversightReport.figures(facts, minReadingTime: 15)
        #expect(figures.count == 1)
        #expect(figures.first?.approvals == 1)
        #expect(figures.first?.rejections == 1)
        #expect(figures.first?.medianSecondsToDecide == 300)
        #expect(figures.first?.fasterThanReading == 0)
        #expect(OversightReport.figures(facts, minReadingTime: 301).first?.fasterThanReading == 2)
    }
}
