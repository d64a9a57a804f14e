import Foundation
import FactoryModel

/// The reads and writes of the oversight tables (`pauses`, `decision_reversals`, `escalations`), in SQL that
/// both stores run unchanged. Every value is bound, never spliced into the text.
enum OversightSQL {
    // MARK: - Pauses

    static let pauseColumns = """
        id, scope, target, mode, reason, requested_by, requested_at, confirmed_by, confirmed_at, \
        lifted_by, lifted_at, lift_reason
        """

    /// Pauses not lifted (all of them with `includeLifted`), newest first.
    static func pauses(_ db: any RawSQLSession, includeLifted: Bool, limit: Int = 500) throws -> [Pause] {
        let filter = includeLifted ? "" : " WHERE lifted_at IS NULL"
        return try db.rows("SELECT \(pauseColumns) FROM pauses\(filter) ORDER BY id DESC LIMIT ?", [limit]).map(pause)
    }

    static func pause(_ db: any RawSQLSession, _ id: PauseID) throws -> Pause? {
        try db.rows("SELECT \(pauseColumns) FROM pauses WHERE id = ?", [id.rawValue]).first.map(pause)
    }

    static func pause(_ row: SQLRow) throws -> Pause {
        guard let id = row["id"].int64, let scope = row["scope"].string.flatMap(PauseScope.init(rawValue:)),
              let mode = row["mode"].string.flatMap(PauseMode.init(rawValue:)), let at = row["requested_at"].int64
        else { throw StoreError(.corrupt, "A row of the pauses table is unreadable: \(row)") }
        return Pause(
            id: PauseID(rawValue: id), scope: scope, target: row["target"].string ?? "", mode: mode,
            reason: row["reason"].string ?? "", requestedBy: row["requested_by"].string ?? "", requestedAt: date(at),
            confirmedBy: row["confirmed_by"].string, confirmedAt: row["confirmed_at"].int64.map(date),
            liftedBy: row["lifted_by"].string, liftedAt: row["lifted_at"].int64.map(date), liftReason: row["lift_reason"].string
        )
    }

    static func insertPause(
        _ db: any RawSQLSession, scope: PauseScope, target: String, mode: PauseMode, reason: String, actor: Actor, at: Date
    ) throws -> PauseID {
        let rows = try db.rows(
            """
            INSERT INTO pauses (scope, target, mode, reason, requested_by, requested_via, requested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            [scope.rawValue, target, mode.rawValue, reason, actor.account, actor.via, at.epochMilliseconds]
        )
        guard let id = rows.first?["id"].int64 else { throw StoreError(.corrupt, "The new pause has no id.") }
        return PauseID(rawValue: id)
    }

    /// Confirms a site pause still awaiting confirmation; false when someone confirmed or lifted it first.
    static func confirmPause(_ db: any RawSQLSession, _ id: PauseID, by account: String, reason: String?, at: Date) throws -> Bool {
        try db.rows(
            """
            UPDATE pauses SET confirmed_by = ?, confirmed_at = ?, confirm_reason = ?
            WHERE id = ? AND confirmed_at IS NULL AND lifted_at IS NULL RETURNING id
            """,
            [account, at.epochMilliseconds, reason, id.rawValue]
        ).count == 1
    }

    /// Lifts a pause not yet lifted; false when someone lifted it first.
    static func liftPause(_ db: any RawSQLSession, _ id: PauseID, by account: String, reason: String, at: Date) throws -> Bool {
        try db.rows(
            "UPDATE pauses SET lifted_by = ?, lifted_at = ?, lift_reason = ? WHERE id = ? AND lifted_at IS NULL RETURNING id",
            [account, at.epochMilliseconds, reason, id.rawValue]
        ).count == 1
    }

    /// The pools on which nothing new may start: those of an active pool pause, and every pool of a site under an
    /// active site pause.
    static func pausedPoolIDs(_ db: any RawSQLSession) throws -> Set<String> {
        let rows = try db.rows(
            """
            SELECT p.id AS pool FROM pools p JOIN pauses h ON h.lifted_at IS NULL AND (
                (h.scope = 'pool' AND h.target = p.id) OR (h.scope = 'site' AND h.target = p.site_id AND h.confirmed_at IS NOT NULL))
            """
        )
        return Set(rows.compactMap { $0["pool"].string })
    }

    /// The active pause in `drain` mode that covers `pool` (a pause of the pool, or a confirmed one of its site),
    /// if any: work there must stop, not resume.
    static func drainingPause(_ db: any RawSQLSession, coveringPool pool: String) throws -> PauseID? {
        try db.rows(
            """
            SELECT h.id FROM pools p JOIN pauses h ON h.lifted_at IS NULL AND h.mode = 'drain' AND (
                (h.scope = 'pool' AND h.target = p.id) OR (h.scope = 'site' AND h.target = p.site_id AND h.confirmed_at IS NOT NULL))
            WHERE p.id = ? ORDER BY h.id LIMIT 1
            """,
            [pool]
        ).first?["id"].int64.map(PauseID.init(rawValue:))
    }

    // MARK: - Reversals

    /// The accounts whose decisions on `approval` were reversed.
    static func reversedDeciders(_ db: any RawSQLSession, of approval: ApprovalID) throws -> [String] {
        try db.rows(
            """
            SELECT d.decided_by AS who FROM decision_reversals v JOIN decisions d ON d.id = v.decision_id
            WHERE v.approval_id = ? ORDER BY v.id
            """,
            [approval.rawValue]
        ).compactMap { $0["who"].string }
    }

    /// The effective (not reversed) decisions on `approval`: their ids, authors and times.
    static func effectiveDecisions(_ db: any RawSQLSession, of approval: ApprovalID) throws -> [(id: Int64, by: String, at: Date)] {
        try db.rows(
            """
            SELECT id, decided_by, at FROM decisions
            WHERE approval_id = ? AND id NOT IN (SELECT decision_id FROM decision_reversals) ORDER BY at, id
            """,
            [approval.rawValue]
        ).compactMap { row in
            guard let id = row["id"].int64, let by = row["decided_by"].string, let at = row["at"].int64 else { return nil }
            return (id, by, date(at))
        }
    }

    static func insertReversal(
        _ db: any RawSQLSession, decision: Int64, approval: ApprovalID, actor: Actor, role: Role, reason: String, at: Date
    ) throws {
        try db.execute(
            """
            INSERT INTO decision_reversals (decision_id, approval_id, reversed_by, via, role, reason, at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [decision, approval.rawValue, actor.account, actor.via, role.rawValue, reason, at.epochMilliseconds]
        )
    }

    /// Moves a decided approval back to `state` (pending or expired) after its decisions were reversed
    /// (compare-and-set on its version); false when it changed meanwhile.
    static func reopenApproval(_ db: any RawSQLSession, _ id: ApprovalID, expectedVersion: Int64, state: ApprovalState, at: Date) throws -> Bool {
        try db.rows(
            """
            UPDATE approvals SET state = ?, decided_at = ?, version = version + 1
            WHERE id = ? AND version = ? RETURNING id
            """,
            [state.rawValue, state == .pending ? nil : at.epochMilliseconds, id.rawValue, expectedVersion]
        ).count == 1
    }

    /// When each approval was last reversed (absent when never).
    static func lastReversals(_ db: any RawSQLSession) throws -> [Int64: Date] {
        var result: [Int64: Date] = [:]
        for row in try db.rows("SELECT approval_id, MAX(at) AS at FROM decision_reversals GROUP BY approval_id") {
            if let id = row["approval_id"].int64, let at = row["at"].int64 { result[id] = date(at) }
        }
        return result
    }

    // MARK: - Escalations

    static func insertEscalation(_ db: any RawSQLSession, _ escalation: Escalation, via: String?) throws {
        try db.execute(
            "INSERT INTO escalations (approval_id, escalated_by, via, to_account, reason, at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                escalation.approvalID.rawValue, escalation.escalatedBy, via, escalation.to, escalation.reason,
                escalation.at.epochMilliseconds,
            ]
        )
    }

    static func escalations(_ db: any RawSQLSession, of ids: [ApprovalID]) throws -> [ApprovalID: [Escalation]] {
        guard !ids.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        var result: [ApprovalID: [Escalation]] = [:]
        let rows = try db.rows(
            "SELECT approval_id, escalated_by, to_account, reason, at FROM escalations WHERE approval_id IN (\(marks)) ORDER BY at, id",
            ids.map(\.rawValue)
        )
        for row in rows {
            guard let id = row["approval_id"].int64, let at = row["at"].int64 else { continue }
            let approval = ApprovalID(rawValue: id)
            result[approval, default: []].append(Escalation(
                approvalID: approval, escalatedBy: row["escalated_by"].string ?? "", to: row["to_account"].string ?? "",
                reason: row["reason"].string ?? "", at: date(at)
            ))
        }
        return result
    }

    // MARK: - Support

    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
