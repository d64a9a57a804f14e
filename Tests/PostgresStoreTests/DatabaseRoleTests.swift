import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport
import PostgresStore

/// `init --db-roles`: accounts connecting as themselves (here: login roles on the test cluster) cannot do in SQL
/// what the console would refuse, and can still do through the console what it allows.
@Suite(
    "PostgreSQL store: database-enforced roles", .serialized,
    .enabled(if: PostgresTestCluster.isConfigured, "needs FUSION_TEST_PG")
)
struct DatabaseRoleTests {
    /// Login roles of the test cluster: (account, database group, console role).
    static let people: [(account: String, group: String, role: Role)] = [
        ("pg-sup-alice", "fusion_supervisor", .supervisor), ("pg-sup-bruno", "fusion_supervisor", .supervisor),
        ("pg-ops-chama", "fusion_operator", .operator), ("pg-view-driss", "fusion_viewer", .viewer),
    ]

    let fixture: StoreFixture
    let database: String

    init() throws {
        database = try #require(PostgresTestCluster.database)
        fixture = try StoreFixture(backend: .postgres(database: database))
        let owner = try #require(fixture.store as? PostgresJobStore)
        try owner.installDatabaseRoles()
        try owner.installDatabaseRoles()  // idempotent
        var script = ""
        for person in Self.people {
            script += """
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(person.account)') THEN
                        CREATE ROLE "\(person.account)" LOGIN;
                    END IF;
                END $$;
                GRANT \(person.group) TO "\(person.account)";

                """
            _ = try fixture.gate().perform(.grant(account: person.account, role: person.role), as: Actor(account: "root-admin"))
        }
        try PostgresMaintenance.execute(script, at: database)
    }

    /// The store as `account` connecting as itself.
    func store(as account: String) throws -> PostgresJobStore {
        let location = TestStoreBackend.location(
            database: try #require(PostgresTestCluster.database(as: account)), schema: try #require(fixture.schemaName)
        )
        return try PostgresJobStore(location: location)
    }

    func refusedInSQL(_ account: String, _ statements: [(String, [any SQLValueConvertible])]) throws -> Bool {
        let store = try store(as: account)
        do {
            try store.rawSQL { db in
                for (sql, arguments) in statements { try db.execute(sql, arguments) }
            }
            return false
        } catch {
            return error.kind == .readOnly && error.message.contains("refused")
        }
    }

    @Test func aSupervisorDecidesThroughTheConsoleAsItself() throws {
        let approval = try fixture.pendingApproval()
        let alice = try store(as: "pg-sup-alice")
        let receipt = try ActionGate(store: alice, clock: FixedClock(fixture.now)).perform(.approve(approval, reason: "vérifié"), as: Actor(account: "pg-sup-alice"))
        #expect(receipt.message.contains("Approved"))
        let decided = try #require(try fixture.store.approval(approval))
        #expect(decided.state == .approved && decided.decisions.map(\.decidedBy) == ["pg-sup-alice"])
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }

    @Test func anOperatorCannotApproveInSQLNorThroughTheConsole() throws {
        let approval = try fixture.pendingApproval()
        #expect(try refusedInSQL("pg-ops-chama", [
            ("UPDATE approvals SET state = 'approved', decided_at = 0, version = version + 1 WHERE id = ?", [approval.rawValue]),
        ]))
        #expect(try refusedInSQL("pg-ops-chama", [
            ("INSERT INTO decisions (approval_id, decided_by, role, verdict, at) VALUES (?, 'pg-ops-chama', 'supervisor', 'approve', 0)",
             [approval.rawValue]),
        ]))
        let chama = try store(as: "pg-ops-chama")
        let refused = refusal { () throws(ActionError) in
            try ActionGate(store: chama, clock: FixedClock(fixture.now)).perform(.approve(approval, reason: nil), as: Actor(account: "pg-ops-chama"))
        }
        #expect(refused?.kind == .notPermitted, "\(String(describing: refused))")
        let record = try #require(try fixture.store.auditRecords(AuditQuery(limit: 1)).first)
        #expect(record.actor == "pg-ops-chama" && record.outcome == .denied, "the refusal is audited, as the operator")
        #expect(try fixture.store.approval(approval)?.state == .pending)
    }

    @Test func aSupervisorCannotRecordADecisionForSomeoneElse() throws {
        let approval = try fixture.pendingApproval()
        #expect(try refusedInSQL("pg-sup-alice", [
            ("UPDATE approvals SET state = 'approved', decided_at = 0, version = version + 1 WHERE id = ?", [approval.rawValue]),
            ("INSERT INTO decisions (approval_id, decided_by, role, verdict, at) VALUES (?, 'pg-sup-bruno', 'supervisor', 'approve', 0)",
             [approval.rawValue]),
        ]))
        #expect(try fixture.store.approval(approval)?.state == .pending)
    }

    @Test func aSupervisorCannotDecideItsOwnRunInSQL() throws {
        let approval = try fixture.pendingApproval(submitter: "pg-sup-alice")
        #expect(try refusedInSQL("pg-sup-alice", [
            ("UPDATE approvals SET state = 'approved', decided_at = 0, version = version + 1 WHERE id = ?", [approval.rawValue]),
            ("INSERT INTO decisions (approval_id, decided_by, role, verdict, at) VALUES (?, 'pg-sup-alice', 'supervisor', 'approve', 0)",
             [approval.rawValue]),
        ]))
    }

    @Test func oneSupervisorAloneCannotCompleteAHighRiskApprovalInSQL() throws {
        let approval = try fixture.pendingApproval(risk: .high)
        #expect(try refusedInSQL("pg-sup-alice", [
            ("UPDATE approvals SET state = 'approved', decided_at = 0, version = version + 1 WHERE id = ?", [approval.rawValue]),
            ("INSERT INTO decisions (approval_id, decided_by, role, verdict, at) VALUES (?, 'pg-sup-alice', 'supervisor', 'approve', 0)",
             [approval.rawValue]),
        ]))
        #expect(try refusedInSQL("pg-sup-alice", [
            ("UPDATE approvals SET state = 'approved', decided_at = 0, version = version + 1 WHERE id = ?", [approval.rawValue]),
        ]), "an approval never changes without a decision behind it")
        #expect(try fixture.store.approval(approval)?.state == .pending)
    }

    @Test func decidedApprovalsAndTheAuditTrailDoNotChange() throws {
        let approval = try fixture.pendingApproval()
        _ = try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau"))
        #expect(try refusedInSQL("pg-sup-alice", [
            ("UPDATE approvals SET state = 'rejected', version = version + 1 WHERE id = ?", [approval.rawValue]),
        ]))
        #expect(try refusedInSQL("pg-sup-alice", [("UPDATE audit_log SET actor = 'x' WHERE seq = ?", [Int64(1)])]))
        #expect(try refusedInSQL("pg-sup-alice", [("DELETE FROM audit_log WHERE seq = ?", [Int64(1)])]))
        #expect(try refusedInSQL("pg-sup-alice", [("DELETE FROM decisions WHERE approval_id = ?", [approval.rawValue])]))
        #expect(try refusedInSQL("pg-sup-alice", [
            ("INSERT INTO audit_log (seq, at, actor, action, subject, outcome, details, prev_hash, hash) VALUES (99999, 0, 'root-admin', 'grant', 'x', 'ok', '{}', '', '')", []),
        ]), "an audit record is written as oneself")
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }

    @Test func aViewerCannotCancelAndTheLowerOfGroupAndConsoleRoleWins() throws {
        let run = try fixture.makeRun(state: .queued)
        #expect(try refusedInSQL("pg-view-driss", [
            ("UPDATE runs SET state = 'cancelled', cancel_requested_by = 'pg-view-driss', version = version + 1 WHERE id = ?", [run.rawValue]),
        ]))
        let chama = try store(as: "pg-ops-chama")
        _ = try ActionGate(store: chama, clock: FixedClock(fixture.now)).perform(.cancel(run, reason: "doublon"), as: Actor(account: "pg-ops-chama"))
        #expect(try fixture.store.run(run)?.state == .cancelled, "an operator cancels through the console")

        _ = try fixture.gate().perform(.grant(account: "pg-sup-bruno", role: .operator), as: Actor(account: "root-admin"))
        let approval = try fixture.pendingApproval()
        #expect(try refusedInSQL("pg-sup-bruno", [
            ("UPDATE approvals SET state = 'approved', decided_at = 0, version = version + 1 WHERE id = ?", [approval.rawValue]),
            ("INSERT INTO decisions (approval_id, decided_by, role, verdict, at) VALUES (?, 'pg-sup-bruno', 'supervisor', 'approve', 0)",
             [approval.rawValue]),
        ]), "a supervisor group member whose console role is operator may not decide")
        #expect(try refusedInSQL("pg-sup-alice", [
            (
                "INSERT INTO operators (account, role, granted_by, granted_at) VALUES ('pg-sup-alice', 'admin', 'pg-sup-alice', 0) "
                    + "ON CONFLICT (account) DO UPDATE SET role = 'admin'", []
            ),
        ]), "only an admin grants roles")
    }
}
