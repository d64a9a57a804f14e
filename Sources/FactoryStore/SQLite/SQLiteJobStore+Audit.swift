import Foundation
import FactoryModel
import GRDB

extension SQLiteJobStore {
    public func verifyAudit(continuing verifier: inout AuditVerifier, limit: Int) throws(StoreError) -> AuditBreak? {
        try verifyAudit(continuing: &verifier, upTo: max(0, limit))
    }

    /// Walks the records after `verifier`'s head in order, `limit` of them at most (all when nil), reading each row
    /// by column position: the dashboard re-walks a trail of a million records every few minutes.
    func verifyAudit(continuing verifier: inout AuditVerifier, upTo limit: Int?) throws(StoreError) -> AuditBreak? {
        var working = verifier
        let broken: AuditBreak? = try read { db in
            let after = working.head?.seq ?? 0
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT seq, at, actor, via, action, subject, outcome, details, prev_hash, hash FROM audit_log
                    WHERE seq > ? ORDER BY seq LIMIT ?
                    """,
                arguments: [after, limit ?? -1]
            )
            while let row = try cursor.next() {
                let record: AuditRecord
                do {
                    record = try SQLiteRows.auditInOrder(row)
                } catch {
                    let seq = (try? SQLiteRows.optionalInteger(row, "seq")) ?? 0
                    return AuditBreak(seq: seq, problem: "\(error)")
                }
                if let broken = working.check(record) { return broken }
            }
            return nil
        }
        verifier = working
        return broken
    }
}

extension SQLiteRows {
    /// An audit record from the columns `seq, at, actor, via, action, subject, outcome, details, prev_hash, hash`
    /// in that order, as leniently as ``audit(_:)`` reads them by name.
    static func auditInOrder(_ row: Row) throws -> AuditRecord {
        func text(_ index: Int, _ name: String) throws -> String? {
            // SQLite hands any storage class over as text (a BLOB's bytes decoded leniently), without a trap.
            row.hasNull(atIndex: index) ? nil : (row[index] as String)
        }
        func required(_ index: Int, _ name: String) throws -> String {
            guard let value = try text(index, name) else { throw BadRow(description: "\(name) is empty (NULL) in the store") }
            return value
        }
        func integer(_ index: Int, _ name: String) throws -> Int64 {
            if row.hasNull(atIndex: index) {
                guard name == "at" else { throw BadRow(description: "\(name) is empty (NULL) in the store") }
                return 0
            }
            // Text that is not a number reads as 0, which the chain then reports as out of order.
            return row[index] as Int64
        }
        let outcomeText = try text(6, "outcome") ?? ""
        guard let outcome = AuditOutcome(rawValue: outcomeText) else {
            let printable = outcomeText.prefix(40).unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : String($0) }
            throw BadRow(description: "unexpected outcome '\(printable.joined())' in the store")
        }
        return AuditRecord(
            seq: try integer(0, "seq"), at: Date(epochMilliseconds: try integer(1, "at")), actor: try required(2, "actor"),
            via: try text(3, "via"), action: try required(4, "action"), subject: try required(5, "subject"),
            outcome: outcome, details: try required(7, "details"), prevHash: try required(8, "prev_hash"),
            hash: try required(9, "hash")
        )
    }
}
