import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("The audit trail is append-only and tamper-evident")
struct AuditTamperTests {
    /// A store with at least 8 audit records.
    func fixtureWithHistory() throws -> StoreFixture {
        let fixture = try StoreFixture()
        for _ in 0..<2 {
            let approval = try fixture.pendingApproval()
            _ = try fixture.gate().perform(.approve(approval, reason: "ok"), as: Actor(account: "sup-eau"))
        }
        #expect(try fixture.auditCount() >= 8)
        #expect(try fixture.store.verifyAudit() == AuditVerification(checked: Int64(try fixture.auditCount()), firstBreak: nil))
        return fixture
    }

    /// Removes the append-only triggers behind the store's back and lets the test tamper.
    func tamper(_ fixture: StoreFixture, _ sql: String) throws {
        try fixture.tamper(sql)
    }

    @Test func triggersRefuseUpdateAndDelete() throws {
        let fixture = try fixtureWithHistory()
        for sql in [
            "UPDATE audit_log SET actor = 'x' WHERE seq = 2", "DELETE FROM audit_log WHERE seq = 2",
            "UPDATE decisions SET verdict = 'reject'", "DELETE FROM decisions",
        ] {
            #expect(throws: (any Error).self, "\(sql)") { try fixture.store.rawSQL { db in try db.execute(sql) } }
        }
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }

    @Test func alteringARowBreaksTheChainAtThatRow() throws {
        let fixture = try fixtureWithHistory()
        try tamper(fixture, "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 5")
        let result = try fixture.store.verifyAudit()
        #expect(result.firstBreak?.seq == 5)
        #expect(result.firstBreak?.problem.contains("altered") == true)
        #expect(result.checked == 4)
    }

    @Test func deletingARowBreaksTheChainWhereItWas() throws {
        let fixture = try fixtureWithHistory()
        try tamper(fixture, "DELETE FROM audit_log WHERE seq = 4")
        let result = try fixture.store.verifyAudit()
        #expect(result.firstBreak?.seq == 5)
        #expect(result.firstBreak?.problem.contains("missing") == true)
    }

    @Test func reorderingRowsBreaksTheChainAtTheFirstMovedRow() throws {
        let fixture = try fixtureWithHistory()
        try tamper(fixture, """
            UPDATE audit_log SET seq = -1 WHERE seq = 3;
            UPDATE audit_log SET seq = 3 WHERE seq = 4;
            UPDATE audit_log SET seq = 4 WHERE seq = -1;
            """)
        let result = try fixture.store.verifyAudit()
        #expect(result.firstBreak?.seq == 3)
    }

    @Test func rehashingAnAlteredRowStillBreaksTheNextLink() throws {
        let fixture = try fixtureWithHistory()
        let original = try #require(try fixture.store.auditRecords(AuditQuery(limit: 1_000)).first { $0.seq == 3 })
        var forged = original
        forged.actor = "forger"
        forged.hash = AuditChain.expectedHash(of: forged)
        try tamper(fixture, "UPDATE audit_log SET actor = 'forger', hash = '\(forged.hash)' WHERE seq = 3")
        #expect(try fixture.store.verifyAudit().firstBreak?.seq == 4)
    }

    @Test func recordsFormAChainFromGenesis() throws {
        let fixture = try fixtureWithHistory()
        let records = try fixture.store.auditRecords(AuditQuery(limit: 1_000)).reversed()
        var previous = AuditChain.genesisHash
        for (index, record) in records.enumerated() {
            #expect(record.seq == Int64(index + 1))
            #expect(record.prevHash == previous)
            #expect(record.hash.count == 64)
            previous = record.hash
        }
    }
}
