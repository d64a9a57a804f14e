import Foundation
import GRDB

/// For tests: what must hold in an SQLite job store whatever happened to it (races, crashes, full disks), read
/// with raw SQL straight from the file, behind the store's back.
public enum StoreInvariants {
    /// What is wrong with the store at `path`; empty when every rule holds:
    /// - every decision has exactly one `ok` audit record of its verdict, subject and account (no change without
    ///   its audit record, and no audit record of a change that is not there);
    /// - every cancel or reroute request on a run has an `ok` audit record by the account that asked;
    /// - an approved approval has as many distinct approvers as it requires, a rejected one a reject;
    /// - a final approval has no decision after it was decided, a pending one no more approvals than required;
    /// - nobody decided a run they submitted or an approval they requested;
    /// - at most one decision per approval and account;
    /// - decisions reversed (schema 3) no longer count, and every reversal has an `ok` `reverse` audit record.
    public static func problems(inSQLiteFile path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            var problems: [String] = []
            func each(_ sql: String, _ describe: (Row) -> String) throws {
                for row in try Row.fetchAll(db, sql: sql) { problems.append(describe(row)) }
            }
            try each("""
                SELECT d.approval_id, d.decided_by, d.verdict,
                       (SELECT COUNT(*) FROM audit_log a WHERE a.outcome = 'ok' AND a.action = d.verdict
                          AND a.subject = 'A-' || d.approval_id AND a.actor = d.decided_by) AS records
                FROM decisions d WHERE records != 1
                """) { "decision \($0["verdict"] ?? "?") of A-\($0["approval_id"] ?? 0) by \($0["decided_by"] ?? "?") has \($0["records"] ?? 0) audit records" }
            try each("""
                SELECT a.subject, a.actor, a.action FROM audit_log a
                WHERE a.outcome = 'ok' AND a.action IN ('approve', 'reject')
                  AND NOT EXISTS (SELECT 1 FROM decisions d WHERE 'A-' || d.approval_id = a.subject
                                  AND d.decided_by = a.actor AND d.verdict = a.action)
                """) { "audit record \($0["action"] ?? "?") of \($0["subject"] ?? "?") by \($0["actor"] ?? "?") has no decision" }
            for (kind, column) in [("cancel", "cancel_requested_by"), ("reroute", "reroute_requested_by")] {
                try each("""
                    SELECT r.id, r.\(column) AS who FROM runs r WHERE r.\(column) IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.outcome = 'ok' AND a.action = '\(kind)'
                                      AND a.subject = 'R-' || r.id AND a.actor = r.\(column))
                    """) { "the \(kind) of R-\($0["id"] ?? 0) by \($0["who"] ?? "?") has no audit record" }
            }
            try each("""
                SELECT ap.id, ap.required_approvals,
                       (SELECT COUNT(DISTINCT decided_by) FROM decisions d WHERE d.approval_id = ap.id AND d.verdict = 'approve'
                          AND d.id NOT IN (SELECT decision_id FROM decision_reversals)) AS n
                FROM approvals ap WHERE ap.state = 'approved' AND n < ap.required_approvals
                """) { "A-\($0["id"] ?? 0) is approved by \($0["n"] ?? 0) of \($0["required_approvals"] ?? 0) required supervisors" }
            try each("""
                SELECT ap.id, ap.required_approvals,
                       (SELECT COUNT(*) FROM decisions d WHERE d.approval_id = ap.id AND d.verdict = 'approve'
                          AND d.id NOT IN (SELECT decision_id FROM decision_reversals)) AS n
                FROM approvals ap WHERE ap.state = 'pending' AND n >= ap.required_approvals
                """) { "A-\($0["id"] ?? 0) is still pending with \($0["n"] ?? 0) approvals" }
            try each("""
                SELECT ap.id FROM approvals ap WHERE ap.state = 'rejected'
                  AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.approval_id = ap.id AND d.verdict = 'reject'
                                  AND d.id NOT IN (SELECT decision_id FROM decision_reversals))
                """) { "A-\($0["id"] ?? 0) is rejected without a reject decision" }
            try each("""
                SELECT ap.id, ap.state, d.decided_by FROM approvals ap JOIN decisions d ON d.approval_id = ap.id
                WHERE ap.state != 'pending' AND ap.decided_at IS NOT NULL AND d.at > ap.decided_at
                """) { "A-\($0["id"] ?? 0) was decided by \($0["decided_by"] ?? "?") after it was \($0["state"] ?? "?")" }
            try each("""
                SELECT d.approval_id, d.decided_by FROM decisions d JOIN approvals ap ON ap.id = d.approval_id
                JOIN runs r ON r.id = ap.run_id WHERE d.decided_by = r.submitted_by OR d.decided_by = ap.requested_by
                """) { "\($0["decided_by"] ?? "?") decided A-\($0["approval_id"] ?? 0), their own work" }
            try each("""
                SELECT approval_id, decided_by, COUNT(*) AS n FROM decisions GROUP BY approval_id, decided_by HAVING n > 1
                """) { "\($0["decided_by"] ?? "?") decided A-\($0["approval_id"] ?? 0) \($0["n"] ?? 0) times" }
            try each("""
                SELECT v.approval_id, v.reversed_by FROM decision_reversals v
                WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.outcome = 'ok' AND a.action = 'reverse'
                                  AND a.subject = 'A-' || v.approval_id AND a.actor = v.reversed_by AND a.at = v.at)
                """) { "the reversal of A-\($0["approval_id"] ?? 0) by \($0["reversed_by"] ?? "?") has no audit record" }
            return problems
        }
    }
}
