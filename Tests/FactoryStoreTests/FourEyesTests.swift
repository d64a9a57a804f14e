import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("Four-eyes: nobody decides their own work; high risk needs two distinct supervisors; one reject ends it")
struct FourEyesTests {
    @Test func submitterMayNotApproveTheirOwnRun() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(submitter: "sup-eau")
        let refused = refusal { () throws(ActionError) in try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau")) }
        #expect(refused?.kind == .notPermitted)
        #expect(refused?.message.contains("four-eyes") == true)
        #expect(try fixture.store.approval(approval)?.decisions.isEmpty == true)
        #expect(try fixture.store.auditRecords(AuditQuery(limit: 1)).first?.outcome == .denied)
    }

    @Test func requesterMayNotDecideTheirOwnRequest() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .running)
        let approval = try fixture.makeApproval(for: run, risk: .medium, requestedBy: "sup-rsu")
        let refused = refusal { () throws(ActionError) in try fixture.gate().perform(.reject(approval, reason: "non"), as: Actor(account: "sup-rsu")) }
        #expect(refused?.kind == .notPermitted)
        #expect(try fixture.store.approval(approval)?.state == .pending)
    }

    @Test func highRiskNeedsTwoDistinctSupervisors() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .high)
        #expect(try fixture.store.approval(approval)?.requiredApprovals == 2)

        let first = try fixture.gate().perform(.approve(approval, reason: "checked"), as: Actor(account: "sup-eau"))
        #expect(first.message.contains("1 of 2"))
        #expect(try fixture.store.approval(approval)?.state == .pending)

        let again = refusal { () throws(ActionError) in try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau")) }
        #expect(again?.kind == .conflict)
        #expect(again?.message.contains("already decided") == true)
        #expect(try fixture.store.approval(approval)?.state == .pending)

        _ = try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-rsu"))
        let decided = try #require(try fixture.store.approval(approval))
        #expect(decided.state == .approved)
        #expect(decided.approvers == ["sup-eau", "sup-rsu"])
        #expect(decided.decisions.allSatisfy { $0.role == .supervisor })
    }

    @Test func oneRejectEndsAHighRiskApprovalAfterAFirstApprove() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .high)
        _ = try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau"))
        _ = try fixture.gate().perform(.reject(approval, reason: "basin report contradicts it"), as: Actor(account: "sup-rsu"))
        #expect(try fixture.store.approval(approval)?.state == .rejected)
        let late = refusal { () throws(ActionError) in try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-energie")) }
        #expect(late?.kind == .conflict)
        #expect(late?.message.contains("already rejected by sup-rsu") == true)
    }

    @Test func aDecidedApprovalNamesWhoDecidedAndWhen() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval()
        _ = try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau"))
        let late = refusal { () throws(ActionError) in try fixture.gate().perform(.reject(approval, reason: "too late"), as: Actor(account: "sup-rsu")) }
        #expect(late?.kind == .conflict)
        #expect(late?.message.contains("already approved by sup-eau at \(ISO8601.string(from: fixture.now))") == true)
        #expect(try fixture.store.auditRecords(AuditQuery(limit: 1)).first?.outcome == .conflict)
    }

    @Test func anOverdueApprovalExpiresInsteadOfBeingApproved() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .medium, dueIn: 60)
        let late = refusal { () throws(ActionError) in
            try fixture.gate(at: fixture.now.addingTimeInterval(61)).perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau"))
        }
        #expect(late?.kind == .conflict)
        #expect(late?.message.contains("expired") == true)
        let stored = try #require(try fixture.store.approval(approval))
        #expect(stored.state == .expired && stored.decisions.isEmpty)
        let records = try fixture.store.auditRecords(AuditQuery(limit: 2))
        #expect(records.map(\.action) == ["approve", "expire"])
    }

    @Test func rootActingForAnAccountIsRecordedAsBoth() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval()
        _ = try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau", via: "root"))
        let decision = try #require(try fixture.store.approval(approval)?.decisions.first)
        #expect(decision.decidedBy == "sup-eau" && decision.via == "root")
        let record = try #require(try fixture.store.auditRecords(AuditQuery(limit: 1)).first)
        #expect(record.actor == "sup-eau" && record.via == "root")
    }
}
