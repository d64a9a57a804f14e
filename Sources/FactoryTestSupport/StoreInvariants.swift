import Foundation
import GRDB
import FactoryStore

/// For tests: what must hold in a job store whatever happened to it (races, crashes, full disks), read with raw
/// SQL behind the store's back. The same portable queries run on SQLite and PostgreSQL.
///
/// The rules:
/// - every decision has exactly one `ok` audit record of its verdict, subject and account (no change without
///   its audit record, and no audit record of a change that is not there);
/// - every cancel or reroute request on a run has an `ok` audit record by the account that asked;
/// - an approved approval has as many distinct approvers as it requires, a rejected one a reject;
/// - a final approval has no decision after it was decided, a pending one no more approvals than required;
/// - nobody decided a run they submitted or an approval they requested;
/// - at most one decision per approval and account;
/// - decisions reversed (schema 3) no longer count, and every reversal has an `ok` `reverse` audit record.
public enum StoreInvariants {
    /// What is wrong with the SQLite store at `path`, opened read-only as a plain file; empty when every rule
    /// holds. For stores the console itself can no longer open (a copy taken off a full disk, say).
    public static func problems(inSQLiteFile path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            try problems { sql in
                try Row.fetchAll(db, sql: sql).map { row in
                    Dictionary(row.columnNames.map { ($0, text(of: row[$0])) }, uniquingKeysWith: { first, _ in first })
                }
            }
        }
    }

    /// A value read by GRDB as the text the descriptions show.
    private static func text(of value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let string): string
        case .blob(let data): "<\(data.count) bytes>"
        }
    }

    /// What is wrong with `store` (SQLite or PostgreSQL), read through its raw SQL session; empty when every rule
    /// holds.
    public static func problems(in store: any RawSQLStore) throws -> [String] {
        try store.rawSQL { session in
            try problems { sql in
                try session.rows(sql).map { row in
                    Dictionary(zip(row.columns, row.values.map { $0.string ?? "NULL" }), uniquingKeysWith: { first, _ in first })
                }
            }
        }
    }

    /// Runs every rule's query through `fetch` and describes each row it finds.
    private static func problems(_ fetch: (String) throws -> [[String: String]]) throws -> [String] {
        try rules.flatMap { rule in try fetch(rule.sql).map(rule.describe) }
    }

    private struct Rule: Sendable {
        var sql: String
        var describe: @Sendable ([String: String]) -> String
    }

    /// Portable SQL: no column alias in WHERE or HAVING (PostgreSQL has none there), text built with `||`.
    private static let rules: [Rule] = {
        let notReversed = "d.id NOT IN (SELECT decision_id FROM decision_reversals)"
        var rules = [
            Rule(sql: """
                SELECT * FROM (
                  SELECT d.approval_id, d.decided_by, d.verdict,
                         (SELECT COUNT(*) FROM audit_log a WHERE a.outcome = 'ok' AND a.action = d.verdict
                            AND a.subject = 'A-' || d.approval_id AND a.actor = d.decided_by) AS records
                  FROM decisions d) checked
                WHERE records <> 1
                """) { "decision \($0["verdict"] ?? "?") of A-\($0["approval_id"] ?? "?") by \($0["decided_by"] ?? "?") has \($0["records"] ?? "?") audit records" },
            Rule(sql: """
                SELECT a.subject, a.actor, a.action FROM audit_log a
                WHERE a.outcome = 'ok' AND a.action IN ('approve', 'reject')
                  AND NOT EXISTS (SELECT 1 FROM decisions d WHERE 'A-' || d.approval_id = a.subject
                                  AND d.decided_by = a.actor AND d.verdict = a.action)
                """) { "audit record \($0["action"] ?? "?") of \($0["subject"] ?? "?") by \($0["actor"] ?? "?") has no decision" },
        ]
        for (kind, column) in [("cancel", "cancel_requested_by"), ("reroute", "reroute_requested_by")] {
            rules.append(Rule(sql: """
                SELECT r.id, r.\(column) AS who FROM runs r WHERE r.\(column) IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.outcome = 'ok' AND a.action = '\(kind)'
                                  AND a.subject = 'R-' || r.id AND a.actor = r.\(column))
                """) { "the \(kind) of R-\($0["id"] ?? "?") by \($0["who"] ?? "?") has no audit record" })
        }
        rules += [
            Rule(sql: """
                SELECT * FROM (
                  SELECT ap.id, ap.state, ap.required_approvals,
                         (SELECT COUNT(DISTINCT decided_by) FROM decisions d WHERE d.approval_id = ap.id
                            AND d.verdict = 'approve' AND \(notReversed)) AS n
                  FROM approvals ap) checked
                WHERE state = 'approved' AND n < required_approvals
                """) { "A-\($0["id"] ?? "?") is approved by \($0["n"] ?? "?") of \($0["required_approvals"] ?? "?") required supervisors" },
            Rule(sql: """
                SELECT * FROM (
                  SELECT ap.id, ap.state, ap.required_approvals,
                         (SELECT COUNT(*) FROM decisions d WHERE d.approval_id = ap.id
                            AND d.verdict = 'approve' AND \(notReversed)) AS n
                  FROM approvals ap) checked
                WHERE state = 'pending' AND n >= required_approvals
                """) { "A-\($0["id"] ?? "?") is still pending with \($0["n"] ?? "?") approvals" },
            Rule(sql: """
                SELECT ap.id FROM approvals ap WHERE ap.state = 'rejected'
                  AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.approval_id = ap.id AND d.verdict = 'reject'
                                  AND \(notReversed))
                """) { "A-\($0["id"] ?? "?") is rejected without a reject decision" },
            Rule(sql: """
                SELECT ap.id, ap.state, d.decided_by FROM approvals ap JOIN decisions d ON d.approval_id = ap.id
                WHERE ap.state <> 'pending' AND ap.decided_at IS NOT NULL AND d.at > ap.decided_at
                """) { "A-\($0["id"] ?? "?") was decided by \($0["decided_by"] ?? "?") after it was \($0["state"] ?? "?")" },
            Rule(sql: """
                SELECT d.approval_id, d.decided_by FROM decisions d JOIN approvals ap ON ap.id = d.approval_id
                JOIN runs r ON r.id = ap.run_id WHERE d.decided_by = r.submitted_by OR d.decided_by = ap.requested_by
                """) { "\($0["decided_by"] ?? "?") decided A-\($0["approval_id"] ?? "?"), their own work" },
            Rule(sql: """
                SELECT approval_id, decided_by, COUNT(*) AS n FROM decisions GROUP BY approval_id, decided_by
                HAVING COUNT(*) > 1
                """) { "\($0["decided_by"] ?? "?") decided A-\($0["approval_id"] ?? "?") \($0["n"] ?? "?") times" },
            Rule(sql: """
                SELECT v.approval_id, v.reversed_by FROM decision_reversals v
                WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.outcome = 'ok' AND a.action = 'reverse'
                                  AND a.subject = 'A-' || v.approval_id AND a.actor = v.reversed_by AND a.at = v.at)
                """) { "the reversal of A-\($0["approval_id"] ?? "?") by \($0["reversed_by"] ?? "?") has no audit record" },
        ]
        return rules
    }()
}
