import Foundation
import FactoryModel

extension JobStore {
    /// Pauses not yet lifted (with `includeLifted`, the most recent ones of every state), newest first.
    public func pauses(includeLifted: Bool = false) throws(StoreError) -> [Pause] {
        try readSQL { db in try OversightSQL.pauses(db, includeLifted: includeLifted) }
    }

    /// The pools on which the runtime must start nothing: those of an active pool pause and every pool of a site
    /// under a confirmed site pause.
    public func pausedPoolIDs() throws(StoreError) -> Set<String> {
        try readSQL { db in try OversightSQL.pausedPoolIDs(db) }
    }

    /// The escalations of these approvals, oldest first.
    public func escalations(of ids: [ApprovalID]) throws(StoreError) -> [ApprovalID: [Escalation]] {
        try readSQL { db in try OversightSQL.escalations(db, of: ids) }
    }

    /// Who was on duty for an expired approval: the supervisors it was escalated to when it was escalated;
    /// otherwise every supervisor (and admin) whose role was granted before its deadline.
    public func onDuty(for approval: Approval) throws(StoreError) -> [String] {
        try readSQL { db in
            let escalated = try OversightSQL.escalations(db, of: [approval.id])[approval.id] ?? []
            if !escalated.isEmpty {
                var seen = Set<String>()
                return escalated.map(\.to).filter { seen.insert($0).inserted }
            }
            return try db.rows(
                "SELECT account FROM operators WHERE role IN ('supervisor', 'admin') AND granted_at <= ?",
                [approval.dueAt.epochMilliseconds]
            ).compactMap { $0["account"].string }.sorted()
        }
    }

    /// Every decision taken in `[since, until)`, with what the oversight report needs about it.
    public func decisionFacts(since: Date, until: Date) throws(StoreError) -> [DecisionFact] {
        try readSQL { db in
            let reversals = try OversightSQL.lastReversals(db)
            let rows = try db.rows(
                """
                SELECT d.id, d.approval_id, d.decided_by, d.verdict, d.at, a.requested_at,
                       (SELECT COUNT(*) FROM decision_reversals v WHERE v.decision_id = d.id) AS reversed
                FROM decisions d JOIN approvals a ON a.id = d.approval_id
                WHERE d.at >= ? AND d.at < ? ORDER BY d.at, d.id
                """,
                [since.epochMilliseconds, until.epochMilliseconds]
            )
            return rows.compactMap { row -> DecisionFact? in
                guard let approval = row["approval_id"].int64, let by = row["decided_by"].string,
                      let verdict = row["verdict"].string.flatMap(Verdict.init(rawValue:)), let at = row["at"].int64,
                      let requested = row["requested_at"].int64 else { return nil }
                let decidedAt = OversightSQL.date(at)
                var shownAt = OversightSQL.date(requested)
                if let reversed = reversals[approval], reversed <= decidedAt, reversed > shownAt { shownAt = reversed }
                return DecisionFact(
                    approvalID: ApprovalID(rawValue: approval), decidedBy: by, verdict: verdict, at: decidedAt,
                    requestedAt: OversightSQL.date(requested), shownAt: shownAt, reversed: (row["reversed"].int64 ?? 0) > 0
                )
            }
        }
    }
}
