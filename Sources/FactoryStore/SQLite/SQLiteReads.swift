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
            db, sql: "SELECT * FROM decisions WHERE approval_id IN (\(placeholders)) ORDER BY at, id",
            arguments: StatementArguments(ids.map(\.rawValue))
        )
        var result: [ApprovalID: [Decision]] = [:]
        for row in rows {
            let decision = try SQLiteRows.decision(row)
            result[decision.approvalID, default: []].append(decision)
        }
        return result
    }

    // MARK: - Runs

    static func runFilter(_ query: RunQuery) -> (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if !query.states.isEmpty {
            let states = query.states.map(\.rawValue).sorted()
            clauses.append("r.state IN (\(Array(repeating: "?", count: states.count).joined(separator: ",")))")
            arguments += StatementArguments(states)
        }
        if let pool = query.poolID {
            clauses.append("r.pool_id = ?")
            arguments += [pool]
        }
        if let institute = query.instituteID {
            clauses.append("p.institute_id = ?")
            arguments += [institute]
        }
        if let text = query.text, !text.isEmpty {
            let pattern = SQLiteRows.containsPattern(text)
            clauses.append("(r.title LIKE ? ESCAPE '\\' OR r.agent LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\')")
            arguments += [pattern, pattern, pattern]
        }
        let sql = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return (sql, arguments)
    }

    static func runOrder(_ query: RunQuery) -> String {
        let direction = query.descending ? "DESC" : "ASC"
        let column: String
        switch query.sort {
        case .id: column = "r.id"
        case .title: column = "r.title"
        case .agent: column = "r.agent"
        case .project: column = "p.name"
        case .state: column = "r.state"
        case .priority: column = "r.priority"
        case .pool: column = "r.pool_id"
        case .submittedAt: column = "r.submitted_at"
        }
        if query.sort == .id { return " ORDER BY r.id \(direction)" }
        return " ORDER BY \(column) \(direction), r.id \(direction)"
    }

    static func runs(_ db: Database, _ query: RunQuery) throws -> [Run] {
        let filter = runFilter(query)
        var arguments = filter.arguments
        arguments += [max(0, query.limit), max(0, query.offset)]
        let rows = try Row.fetchAll(
            db, sql: SQLiteRows.runSelect + filter.sql + runOrder(query) + " LIMIT ? OFFSET ?", arguments: arguments
        )
        return try rows.map(SQLiteRows.run)
    }

    static func runCount(_ db: Database, _ query: RunQuery) throws -> Int {
        let filter = runFilter(query)
        let join = (query.instituteID != nil || query.text != nil) ? " JOIN projects p ON p.id = r.project_id" : ""
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs r" + join + filter.sql, arguments: filter.arguments) ?? 0
    }

    // MARK: - Approvals

    static func approvalFilter(_ query: ApprovalQuery) -> (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if !query.states.isEmpty {
            let states = query.states.map(\.rawValue).sorted()
            clauses.append("a.state IN (\(Array(repeating: "?", count: states.count).joined(separator: ",")))")
            arguments += StatementArguments(states)
        }
        if let text = query.text, !text.isEmpty {
            let pattern = SQLiteRows.containsPattern(text)
            clauses.append("(a.subject LIKE ? ESCAPE '\\' OR r.title LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\')")
            arguments += [pattern, pattern, pattern]
        }
        let sql = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return (sql, arguments)
    }

    static func approvals(_ db: Database, _ query: ApprovalQuery) throws -> [Approval] {
        let filter = approvalFilter(query)
        var arguments = filter.arguments
        arguments += [max(0, query.limit), max(0, query.offset)]
        let rows = try Row.fetchAll(
            db,
            sql: SQLiteRows.approvalSelect + filter.sql
                + approvalOrder(query) + " LIMIT ? OFFSET ?",
            arguments: arguments
        )
        let ids = try rows.map { ApprovalID(rawValue: try SQLiteRows.integer($0, "id")) }
        let decisions = try decisions(db, for: ids)
        return try zip(rows, ids).map { row, id in try SQLiteRows.approval(row, decisions: decisions[id] ?? []) }
    }

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
        return " ORDER BY (a.state = 'pending') DESC, \(natural), a.id DESC"
    }

    static func approvalCount(_ db: Database, _ query: ApprovalQuery) throws -> Int {
        let filter = approvalFilter(query)
        let sql = "SELECT COUNT(*) FROM approvals a JOIN runs r ON r.id = a.run_id JOIN projects p ON p.id = r.project_id"
        return try Int.fetchOne(db, sql: sql + filter.sql, arguments: filter.arguments) ?? 0
    }

    // MARK: - Summaries

    static func queueSummary(_ db: Database, now: Date) throws -> QueueSummary {
        var byState: [RunState: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM runs GROUP BY state") {
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
                SELECT COUNT(*) AS n, SUM(risk = 'high') AS high, MIN(due_at) AS nearest
                FROM approvals WHERE state = 'pending'
                """
        )
        return QueueSummary(
            byState: byState, failedLastHour: failed, oldestQueuedAt: oldest.map(Date.init(epochMilliseconds:)),
            pendingApprovals: try pending.map { try SQLiteRows.int($0, "n") } ?? 0,
            pendingHighRisk: try pending.flatMap { try SQLiteRows.optionalInteger($0, "high") }.map(Int.init) ?? 0,
            nearestDue: try pending.flatMap { try SQLiteRows.date($0, "nearest") }
        )
    }

    static func poolLoads(_ db: Database) throws -> [PoolLoad] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT pl.*,
                  COALESCE((SELECT SUM(gpus) FROM runs WHERE pool_id = pl.id
                            AND state IN ('running', 'cancel_requested', 'reroute_requested')), 0) AS gpus_in_use,
                  COALESCE((SELECT SUM(cpus) FROM runs WHERE pool_id = pl.id
                            AND state IN ('running', 'cancel_requested', 'reroute_requested')), 0) AS cpus_in_use,
                  (SELECT COUNT(*) FROM runs WHERE pool_id = pl.id AND state = 'queued') AS queued
                FROM pools pl ORDER BY pl.id
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
              (SELECT COUNT(*) FROM runs r WHERE r.project_id = p.id
                 AND r.state IN ('queued', 'running', 'awaiting_approval', 'cancel_requested', 'reroute_requested'))
                 AS active_runs,
              (SELECT COUNT(*) FROM approvals a JOIN runs r ON r.id = a.run_id
                 WHERE r.project_id = p.id AND a.state = 'pending') AS pending_approvals
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

    static func auditRecords(_ db: Database, _ query: AuditQuery) throws -> [AuditRecord] {
        let filter = auditFilter(query)
        var sql = "SELECT * FROM audit_log" + filter.sql
        var arguments = filter.arguments
        sql += " ORDER BY seq DESC LIMIT ? OFFSET ?"
        arguments += [max(0, query.limit), max(0, query.offset)]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(SQLiteRows.audit)
    }
}
