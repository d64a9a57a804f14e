import Foundation
import FactoryModel
import GRDB

/// The read queries of the SQLite store, over one connection. Every value from outside is a bound parameter;
/// column names come from closed enums only.
enum SQLiteReads {
    static func approval(_ db: Database, _ id: ApprovalID) throws -> Approval? {
        guard let row = try Row.fetchOne(db, sql: "\(SQLiteRows.approvalSelect) WHERE a.id = ?", arguments: [id.rawValue])
        else { return nil }
        return try SQLiteRows.approval(row, decisions: try decisions(db, for: [id])[id] ?? [])
    }

    static func decisions(_ db: Database, for ids: [ApprovalID]) throws -> [ApprovalID: [Decision]] {
        guard !ids.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM decisions WHERE approval_id IN (\(placeholders)) "
                + "AND id NOT IN (SELECT decision_id FROM decision_reversals) ORDER BY at, id",
            arguments: StatementArguments(ids.map(\.rawValue))
        )
        var result: [ApprovalID: [Decision]] = [:]
        for row in rows {
            let decision = try SQLiteRows.decision(row)
            result[decision.approvalID, default: []].append(decision)
        }
        return result
    }

    // MARK: - Approvals

    static func approvalFilter(_ query: ApprovalQuery, states: [ApprovalState]) -> (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if !states.isEmpty {
            let names = states.map(\.rawValue).sorted()
            clauses.append("a.state IN (\(Array(repeating: "?", count: names.count).joined(separator: ",")))")
            arguments += StatementArguments(names)
        }
        if let id = query.idInText {
            clauses.append("a.id = ?")
            arguments += [id.rawValue]
        } else if let text = query.text, !text.isEmpty {
            let pattern = SQLiteRows.containsPattern(text)
            clauses.append("(a.subject LIKE ? ESCAPE '\\' OR r.title LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\')")
            arguments += [pattern, pattern, pattern]
        }
        let sql = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return (sql, arguments)
    }

    /// A window of approvals, pending first. The pending ones are read from the (state, deadline) index and the
    /// others only when the window reaches past them, so that no query sorts every approval ever asked.
    static func approvals(_ db: Database, _ query: ApprovalQuery) throws -> [Approval] {
        let states = query.states.isEmpty ? ApprovalState.allCases : ApprovalState.allCases.filter(query.states.contains)
        let others = states.filter { $0 != .pending }
        let offset = max(0, query.offset)
        var limit = max(0, query.limit)
        var rows: [Row] = []
        var othersOffset = offset
        if states.contains(.pending), limit > 0 {
            rows = try approvalRows(db, query, states: [.pending], offset: offset, limit: limit)
            let pendingBefore: Int
            if rows.isEmpty {
                var pendingOnly = query
                pendingOnly.states = [.pending]
                pendingBefore = try approvalCount(db, pendingOnly)
            } else {
                pendingBefore = offset + rows.count
            }
            othersOffset = max(0, offset - pendingBefore)
            limit -= rows.count
        }
        if !others.isEmpty, limit > 0 {
            rows += try approvalRows(db, query, states: others, offset: othersOffset, limit: limit)
        }
        let ids = try rows.map { ApprovalID(rawValue: try SQLiteRows.integer($0, "id")) }
        let decisions = try decisions(db, for: ids)
        return try zip(rows, ids).map { row, id in try SQLiteRows.approval(row, decisions: decisions[id] ?? []) }
    }

    private static func approvalRows(
        _ db: Database, _ query: ApprovalQuery, states: [ApprovalState], offset: Int, limit: Int
    ) throws -> [Row] {
        let filter = approvalFilter(query, states: states)
        var arguments = filter.arguments
        arguments += [limit, offset]
        return try Row.fetchAll(
            db, sql: SQLiteRows.approvalSelect + filter.sql + approvalOrder(query) + " LIMIT ? OFFSET ?", arguments: arguments
        )
    }

    /// The order within the pending approvals, and within the others.
    static func approvalOrder(_ query: ApprovalQuery) -> String {
        let natural: String
        switch query.sort {
        case .due: natural = query.reversed ? "a.due_at DESC" : "a.due_at ASC"
        case .risk:
            let rank = "CASE a.risk WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END"
            natural = query.reversed ? "\(rank) DESC, a.due_at ASC" : "\(rank) ASC, a.due_at ASC"
        case .requested: natural = query.reversed ? "a.requested_at ASC" : "a.requested_at DESC"
        case .id: natural = query.reversed ? "a.id DESC" : "a.id ASC"
        }
        return " ORDER BY \(natural), a.id DESC"
    }

    /// How many approvals match: from `approval_counts` without a text filter, else by reading the approvals.
    static func approvalCount(_ db: Database, _ query: ApprovalQuery) throws -> Int {
        guard let text = query.text, !text.isEmpty else {
            let states = query.states.map(\.rawValue).sorted()
            let filter = states.isEmpty ? "" : " WHERE state IN (\(Array(repeating: "?", count: states.count).joined(separator: ",")))"
            return try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(n), 0) FROM approval_counts" + filter, arguments: StatementArguments(states)
            ) ?? 0
        }
        let filter = approvalFilter(query, states: Array(query.states))
        let sql = "SELECT COUNT(*) FROM approvals a JOIN runs r ON r.id = a.run_id JOIN projects p ON p.id = r.project_id"
        return try Int.fetchOne(db, sql: sql + filter.sql, arguments: filter.arguments) ?? 0
    }

    // MARK: - Summaries

    /// The queue at a glance, from the counters (`run_counts`, `approval_counts`) and three index lookups.
    static func queueSummary(_ db: Database, now: Date) throws -> QueueSummary {
        var byState: [RunState: Int] = [:]
        let counted = "SELECT state, SUM(n) AS n FROM run_counts GROUP BY state HAVING SUM(n) > 0"
        for row in try Row.fetchAll(db, sql: counted) {
            if let state = RunState(rawValue: try SQLiteRows.optionalText(row, "state") ?? "") {
                byState[state] = try SQLiteRows.int(row, "n")
            }
        }
        let hourAgo = now.addingTimeInterval(-3600).epochMilliseconds
        let failed = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM runs WHERE state = 'failed' AND ended_at >= ?", arguments: [hourAgo]
        ) ?? 0
        let oldest = try Int64.fetchOne(db, sql: "SELECT MIN(submitted_at) FROM runs WHERE state = 'queued'")
        let pending = try Row.fetchOne(
            db,
            sql: """
                SELECT COALESCE(SUM(n), 0) AS n, COALESCE(SUM(CASE WHEN risk = 'high' THEN n END), 0) AS high,
                       (SELECT MIN(due_at) FROM approvals WHERE state = 'pending') AS nearest
                FROM approval_counts WHERE state = 'pending'
                """
        )
        return QueueSummary(
            byState: byState, failedLastHour: failed, oldestQueuedAt: oldest.map(Date.init(epochMilliseconds:)),
            pendingApprovals: try pending.map { try SQLiteRows.int($0, "n") } ?? 0,
            pendingHighRisk: try pending.map { try SQLiteRows.int($0, "high") } ?? 0,
            nearestDue: try pending.flatMap { try SQLiteRows.date($0, "nearest") }
        )
    }

    /// The states in which a run holds its pool's capacity.
    static let holdingStates = "('running', 'cancel_requested', 'reroute_requested')"
    /// The states of a run not yet ended.
    static let activeStates = "('queued', 'running', 'awaiting_approval', 'cancel_requested', 'reroute_requested')"

    static func poolLoads(_ db: Database) throws -> [PoolLoad] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT pl.*, COALESCE(c.gpus_in_use, 0) AS gpus_in_use, COALESCE(c.cpus_in_use, 0) AS cpus_in_use,
                       COALESCE(c.queued, 0) AS queued
                FROM pools pl LEFT JOIN (
                    SELECT pool_id,
                           SUM(CASE WHEN state IN \(holdingStates) THEN gpus ELSE 0 END) AS gpus_in_use,
                           SUM(CASE WHEN state IN \(holdingStates) THEN cpus ELSE 0 END) AS cpus_in_use,
                           SUM(CASE WHEN state = 'queued' THEN n ELSE 0 END) AS queued
                    FROM run_counts GROUP BY pool_id
                ) c ON c.pool_id = pl.id
                ORDER BY pl.id
                """
        )
        return try rows.map { row in
            PoolLoad(
                pool: try SQLiteRows.pool(row), gpusInUse: try SQLiteRows.int(row, "gpus_in_use"),
                cpusInUse: try SQLiteRows.int(row, "cpus_in_use"), queued: try SQLiteRows.int(row, "queued")
            )
        }
    }

    static func projectActivity(_ db: Database, instituteID: String?) throws -> [ProjectActivity] {
        var sql = """
            SELECT p.*,
              COALESCE((SELECT SUM(c.n) FROM run_counts c WHERE c.project_id = p.id AND c.state IN \(activeStates)), 0)
                 AS active_runs,
              COALESCE((SELECT SUM(a.n) FROM approval_counts a WHERE a.project_id = p.id AND a.state = 'pending'), 0)
                 AS pending_approvals
            FROM projects p JOIN institutes i ON i.id = p.institute_id
            """
        var arguments = StatementArguments()
        if let instituteID {
            sql += " WHERE p.institute_id = ?"
            arguments += [instituteID]
        }
        sql += " ORDER BY i.position, i.name, p.name"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            ProjectActivity(
                project: try SQLiteRows.project(row), activeRuns: try SQLiteRows.int(row, "active_runs"),
                pendingApprovals: try SQLiteRows.int(row, "pending_approvals")
            )
        }
    }

    static func auditFilter(_ query: AuditQuery) -> (sql: String, arguments: StatementArguments) {
        guard let text = query.text, !text.isEmpty else { return ("", StatementArguments()) }
        let pattern = SQLiteRows.containsPattern(text)
        let sql = """
             WHERE actor LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' OR subject LIKE ? ESCAPE '\\'
             OR details LIKE ? ESCAPE '\\'
            """
        return (sql, [pattern, pattern, pattern, pattern])
    }

    static func auditCount(_ db: Database, _ query: AuditQuery) throws -> Int {
        let filter = auditFilter(query)
        if filter.sql.isEmpty { return try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM audit_log") ?? 0 }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log" + filter.sql, arguments: filter.arguments) ?? 0
    }

    /// A window of the audit trail, newest first. Without a text filter the window is a range of sequence numbers
    /// (the chain has no gaps: `audit verify` reports any), so no offset walks the trail.
    static func auditRecords(_ db: Database, _ query: AuditQuery) throws -> [AuditRecord] {
        let filter = auditFilter(query)
        let limit = max(0, query.limit)
        let offset = max(0, query.offset)
        guard filter.sql.isEmpty else {
            var arguments = filter.arguments
            arguments += [limit, offset]
            return try Row.fetchAll(
                db, sql: "SELECT * FROM audit_log" + filter.sql + " ORDER BY seq DESC LIMIT ? OFFSET ?", arguments: arguments
            ).map(SQLiteRows.audit)
        }
        let newest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM audit_log") ?? 0
        return try Row.fetchAll(
            db, sql: "SELECT * FROM audit_log WHERE seq <= ? ORDER BY seq DESC LIMIT ?",
            arguments: [newest - Int64(offset), limit]
        ).map(SQLiteRows.audit)
    }
}
