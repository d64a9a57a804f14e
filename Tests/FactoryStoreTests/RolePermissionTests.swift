import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("Each role may do exactly what it should, through the one gate")
struct RolePermissionTests {
    @Test func viewerMayNotActAndEachRefusalIsAudited() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval()
        let run = try fixture.makeRun(state: .queued)
        let viewer = Actor(account: "audit-viewer")
        let actions: [OperatorAction] = [
            .approve(approval, reason: nil), .reject(approval, reason: "non"), .cancel(run, reason: "stop"),
            .reroute(run, toPool: "benguerir-gpu", reason: "move"), .grant(account: "ops-jour", role: .admin),
        ]
        for action in actions {
            let before = try fixture.auditCount()
            #expect(refusal { () throws(ActionError) in try fixture.gate().perform(action, as: viewer) }?.kind == .notPermitted)
            let records = try fixture.store.auditRecords(AuditQuery(limit: 1))
            #expect(try fixture.auditCount() == before + 1)
            #expect(records[0].outcome == .denied && records[0].actor == "audit-viewer" && records[0].action == action.name)
        }
        #expect(try fixture.store.approval(approval)?.state == .pending)
        #expect(try fixture.store.run(run)?.state == .queued)
        #expect(try fixture.store.role(of: "ops-jour") == .viewer)
    }

    @Test func unlistedAccountIsAViewer() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .queued)
        #expect(try fixture.store.role(of: "stranger") == .viewer)
        let refused = refusal { () throws(ActionError) in
            try fixture.gate().perform(.cancel(run, reason: "test"), as: Actor(account: "stranger"))
        }
        #expect(refused?.kind == .notPermitted)
    }

    @Test func operatorCancelsAndReroutesButMayNotDecideOrGrant() throws {
        let fixture = try StoreFixture()
        let ops = Actor(account: "ops-nuit")
        let first = try fixture.makeRun(state: .queued)
        let second = try fixture.makeRun(state: .queued)
        _ = try fixture.gate().perform(.cancel(first, reason: "runaway"), as: ops)
        _ = try fixture.gate().perform(.reroute(second, toPool: "benguerir-gpu", reason: "Dakhla saturated"), as: ops)
        #expect(try fixture.store.run(first)?.state == .cancelled)
        #expect(try fixture.store.run(second)?.poolID == "benguerir-gpu")
        let approval = try fixture.pendingApproval()
        #expect(throws: ActionError.self) { try fixture.gate().perform(.approve(approval, reason: nil), as: ops) }
        #expect(throws: ActionError.self) { try fixture.gate().perform(.grant(account: "x", role: .admin), as: ops) }
        #expect(try fixture.store.approval(approval)?.state == .pending)
    }

    @Test func supervisorDecidesAndCancelsButMayNotGrant() throws {
        let fixture = try StoreFixture()
        let sup = Actor(account: "sup-eau")
        let approval = try fixture.pendingApproval()
        let receipt = try fixture.gate().perform(.approve(approval, reason: "checked against basin report"), as: sup)
        #expect(receipt.message.contains("Approved"))
        #expect(try fixture.store.approval(approval)?.state == .approved)
        let run = try fixture.makeRun(state: .queued)
        _ = try fixture.gate().perform(.cancel(run, reason: "duplicate"), as: sup)
        #expect(throws: ActionError.self) { try fixture.gate().perform(.grant(account: "sup-eau", role: .admin), as: sup) }
        #expect(try fixture.store.role(of: "sup-eau") == .supervisor)
    }

    @Test func adminGrantsRolesWithAnAuditRecord() throws {
        let fixture = try StoreFixture()
        let receipt = try fixture.gate().perform(.grant(account: "ops-jour", role: .supervisor), as: Actor(account: "root-admin"))
        #expect(try fixture.store.role(of: "ops-jour") == .supervisor)
        let record = try #require(try fixture.store.auditRecords(AuditQuery(limit: 1)).first)
        #expect(record.seq == receipt.auditSeq && record.action == "grant" && record.subject == "ops-jour" && record.outcome == .ok)
        #expect(record.details.contains("\"previous_role\":\"viewer\""))
    }

    @Test func readOnlyGateRefusesEveryActionEvenForAnAdmin() throws {
        let fixture = try StoreFixture()
        try fixture.store.transaction { tx in
            try tx.upsertOperator(OperatorAccount(account: "sup-admin", role: .admin, grantedBy: "t", grantedAt: Date()))
        }
        let approval = try fixture.pendingApproval()
        let run = try fixture.makeRun(state: .queued)
        let admin = Actor(account: "sup-admin")
        for action: OperatorAction in [
            .approve(approval, reason: nil), .cancel(run, reason: "x"), .reroute(run, toPool: "benguerir-gpu", reason: "x"),
            .grant(account: "y", role: .viewer),
        ] {
            do {
                _ = try fixture.gate(readOnly: true).perform(action, as: admin)
                Issue.record("read-only gate let \(action.name) through")
            } catch {
                guard case .notPermitted(let message) = error else { Issue.record("\(error)"); continue }
                #expect(message.contains("read-only"))
            }
        }
        #expect(try fixture.store.approval(approval)?.state == .pending)
        #expect(try fixture.store.run(run)?.state == .queued)
    }

    @Test func initClaimsAdminOnlyOnAStoreWithoutOperators() throws {
        let fixture = try StoreFixture()
        let claimed = try StoreBootstrap.claimAdmin(for: Actor(account: "intruder"), in: fixture.store, at: fixture.now)
        #expect(!claimed)
        #expect(try fixture.store.role(of: "intruder") == .viewer)
        #expect(try fixture.store.role(of: "root-admin") == .admin)
    }
}
