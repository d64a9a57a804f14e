import FactoryModel
import FactoryStore
import Foundation

extension PostgresJobStore {
    public func schemaVersion() throws(StoreError) -> Int {
        try read { db in try db.query("SELECT COUNT(*) AS n FROM fusion_migrations").first?.int("n") ?? 0 }
    }

    /// Moves whenever anyone commits a change. It combines the change sequence (moved by every statement on a
    /// table, committed or not) with the server's current snapshot (`xmin:xmax:in-progress`): a change seen here
    /// before its transaction committed still moves the token when it commits, because the snapshot's horizon
    /// then passes that transaction. Transactions elsewhere on the server move it too (a harmless extra read).
    public func changeToken() throws(StoreError) -> Int64 {
        let text: String = try read { db in
            try db.query("SELECT last_value::text || '/' || pg_current_snapshot()::text AS token FROM fusion_change_seq")
                .first?.string("token") ?? ""
        }
        return Self.fingerprint(text)
    }

    /// FNV-1a of the token text, as a signed 64-bit number.
    static func fingerprint(_ text: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    public func sites() throws(StoreError) -> [Site] {
        try read { db in
            try db.query("SELECT * FROM sites ORDER BY tier COLLATE \"C\", name COLLATE \"C\"").rows.map(PostgresRows.site)
        }
    }

    public func pools() throws(StoreError) -> [Pool] {
        try read { db in try db.query("SELECT * FROM pools ORDER BY id COLLATE \"C\"").rows.map(PostgresRows.pool) }
    }

    public func poolLoads() throws(StoreError) -> [PoolLoad] {
        try read { db in try PostgresReads.poolLoads(db) }
    }

    public func institutes() throws(StoreError) -> [Institute] {
        try read { db in
            try db.query("SELECT * FROM institutes ORDER BY position, name COLLATE \"C\"").rows.map(PostgresRows.institute)
        }
    }

    public func projectActivity(instituteID: String?) throws(StoreError) -> [ProjectActivity] {
        try read { db in try PostgresReads.projectActivity(db, instituteID: instituteID) }
    }

    public func runs(_ query: RunQuery) throws(StoreError) -> [Run] {
        try read { db in try PostgresReads.runs(db, query) }
    }

    public func runCount(_ query: RunQuery) throws(StoreError) -> Int {
        try read { db in try PostgresReads.runCount(db, query) }
    }

    public func run(_ id: RunID) throws(StoreError) -> Run? {
        try read { db in try PostgresReads.run(db, id) }
    }

    public func approvals(_ query: ApprovalQuery) throws(StoreError) -> [Approval] {
        try read { db in try PostgresReads.approvals(db, query) }
    }

    public func approvalCount(_ query: ApprovalQuery) throws(StoreError) -> Int {
        try read { db in try PostgresReads.approvalCount(db, query) }
    }

    public func approval(_ id: ApprovalID) throws(StoreError) -> Approval? {
        try read { db in try PostgresReads.approval(db, id) }
    }

    public func approvals(forRun id: RunID) throws(StoreError) -> [Approval] {
        try read { db in try PostgresReads.approvals(db, forRun: id) }
    }

    public func queueSummary(now: Date) throws(StoreError) -> QueueSummary {
        try read { db in try PostgresReads.queueSummary(db, now: now) }
    }

    public func operators() throws(StoreError) -> [OperatorAccount] {
        try read { db in
            try db.query("SELECT * FROM operators ORDER BY account COLLATE \"C\"").rows.map(PostgresRows.operatorAccount)
        }
    }

    public func role(of account: String) throws(StoreError) -> Role {
        try read { db in try PostgresTransaction(db: db).role(of: account) }
    }

    public func auditRecords(_ query: AuditQuery) throws(StoreError) -> [AuditRecord] {
        try read { db in try PostgresReads.auditRecords(db, query) }
    }

    public func auditCount(_ query: AuditQuery) throws(StoreError) -> Int {
        try read { db in try PostgresReads.auditCount(db, query) }
    }

    public func verifyAudit() throws(StoreError) -> AuditVerification {
        var verifier = AuditVerifier()
        let broken = try verifyAudit(continuing: &verifier)
        return AuditVerification(checked: verifier.checked, firstBreak: broken)
    }

    /// Walks the chain past what `verifier` has checked, a thousand records per query.
    public func verifyAudit(continuing verifier: inout AuditVerifier) throws(StoreError) -> AuditBreak? {
        var working = verifier
        while true {
            let after = working.head?.seq ?? 0
            let batch = try read { db in
                try db.query("SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 1000", [String(after)]).rows
            }
            for row in batch {
                let record: AuditRecord
                do {
                    record = try PostgresRows.audit(row)
                } catch {
                    verifier = working
                    return AuditBreak(seq: row.optionalInt64("seq") ?? 0, problem: "\(error)")
                }
                if let broken = working.check(record) {
                    verifier = working
                    return broken
                }
            }
            if batch.count < 1000 { break }
        }
        verifier = working
        return nil
    }
}
