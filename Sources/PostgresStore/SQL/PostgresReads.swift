import FactoryModel
import Foundation

/// The read queries of the PostgreSQL store, over one connection; the same results as the SQLite store's.
/// Every value from outside is a bound parameter; column names come from closed enums only. Text is sorted
/// with `COLLATE "C"` (by code point, as SQLite does) whatever the database's collation.
enum PostgresReads {
    static func approval(_ db: PGConnection, _ id: ApprovalID, lock: Bool = false) throws -> Approval? {
        var query = PGQuery(PostgresRows.approvalSelect)
        query.append(" WHERE a.id = \(query.bind(id.rawValue))")
        if lock { query.append(" FOR UPDATE OF a") }
        guard let row = try db.run(query).first else { return nil }
        return try PostgresRows.approval(row, decisions: try decisions(db, for: [id])[id] ?? [])
    }

    static func decisions(_ db: PGConnection, for ids: [ApprovalID]) throws -> [ApprovalID: [Decision]] {
        guard !ids.isEmpty else { return [:] }
        var query = PGQuery("SELECT * FROM decisions WHERE approval_id IN (")
        query.append(query.bindList(ids.map { String($0.rawValue) }))
        query.append(") AND id NOT IN (SELECT decision_id FROM decision_reversals) ORDER BY at, id")
        var result: [ApprovalID: [Decision]] = [:]
        for row in try db.run(query).rows {
            let decision = try PostgresRows.decision(row)
            result[decision.approvalID, default: []].append(decision)
        }
        return result
    }

    static func run(_ db: PGConnection, _ id: RunID, lock: Bool = false) throws -> Run? {
        var query = PGQuery(PostgresRows.runSelect)
        query.append(" WHERE r.id = \(query.bind(id.rawValue))")
        if lock { query.append(" FOR UPDATE OF r") }
        return try db.run(query).first.map(PostgresRows.run)
    }

    // MARK: - Runs

    static func appendRunFilter(_ query: inout PGQuery, _ filter: RunQuery) {
        var clauses: [String] = []
        if !filter.states.isEmpty {
            clauses.append("r.state IN (\(query.bindList(filter.states.map(\.rawValue).sorted())))")
        }
        if let pool = filter.poolID { clauses.append("r.pool_id = \(query.bind(pool))") }
        if let institute = filter.instituteID { clauses.append("p.institute_id = \(query.bind(institute))") }
        if let id = filter.idInText {
            clauses.append("r.id = \(query.bind(id.rawValue))")
        } else if let text = filter.text, !text.isEmpty {
            let pattern = query.bind(PostgresRows.containsPattern(text))
            clauses.append("(r.title ILIKE \(pattern) ESCAPE '\\' OR r.agent ILIKE \(pattern) ESCAPE '\\' OR p.name ILIKE \(pattern) ESCAPE '\\')")
        }
        if !clauses.isEmpty { query.append(" WHERE " + clauses.joined(separator: " AND ")) }
    }

    static func runOrder(_ filter: RunQuery) -> String {
        let direction = filter.descending ? "DESC" : "ASC"
        let column: String
        switch filter.sort {
        case .id: return " ORDER BY r.id \(direction)"
        case .title: column = "r.title COLLATE \"C\""
        case .agent: column = "r.agent COLLATE \"C\""
        case .project: column = "p.name COLLATE \"C\""
        case .state: column = "r.state COLLATE \"C\""
        case .priority: column = "r.priority"
        case .pool: column = "r.pool_id COLLATE \"C\""
        case .gpus: column = "r.gpus"
        case .submittedAt: column = "r.submitted_at"
        }
        return " ORDER BY \(column) \(direction), r.id \(direction)"
    }

    static func runs(_ db: PGConnection, _ filter: RunQuery) throws -> [Run] {
        var query = PGQuery(PostgresRows.runSelect)
        appendRunFilter(&query, filter)
        query.append(runOrder(filter))
        query.append(" LIMIT \(query.bind(max(0, filter.limit))) OFFSET \(query.bind(max(0, filter.offset)))")
        return try db.run(query).rows.map(PostgresRows.run)
    }

    static func runCount(_ db: PGConnection, _ filter: RunQuery) throws -> Int {
        var query = PGQuery("SELECT COUNT(*) AS n FROM runs r JOIN projects p ON p.id = r.project_id")
        appendRunFilter(&query, filter)
        return try db.run(query).first?.int("n") ?? 0
    }

    // MARK: - Approvals

    static func appendApprovalFilter(_ query: inout PGQuery, _ filter: ApprovalQuery) {
        var clauses: [String] = []
        if !filter.states.isEmpty {
            clauses.append("a.state IN (\(query.bindList(filter.states.map(\.rawValue).sorted())))")
        }
        if let id = filter.idInText {
            clauses.append("a.id = \(query.bind(id.rawValue))")
        } else if let text = filter.text, !text.isEmpty {
            let pattern = query.bind(PostgresRows.containsPattern(text))
            clauses.append("(a.subject ILIKE \(pattern) ESCAPE '\\' OR r.title ILIKE \(pattern) ESCAPE '\\' OR p.name ILIKE \(pattern) ESCAPE '\\')")
        }
        if !clauses.isEmpty { query.append(" WHERE " + clauses.joined(separator: " AND ")) }
    }

    static func approvalOrder(_ filter: ApprovalQuery) -> String {
        let natural: String
        switch filter.sort {
        case .due: natural = filter.reversed ? "a.due_at DESC" : "a.due_at ASC"
        case .risk:
            let rank = "CASE a.risk WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END"
            natural = filter.reversed ? "\(rank) DESC, a.due_at ASC" : "\(rank) ASC, a.due_at ASC"
        case .requested: natural = filter.reversed ? "a.requested_at ASC" : "a.requested_at DESC"
        case .id: natural = filter.reversed ? "a.id DESC" : "a.id ASC"
        }
        return " ORDER BY (a.state = 'pending') DESC, \(natural), a.id DESC"
    }

    static func approvals(_ db: PGConnection, _ filter: ApprovalQuery) throws -> [Approval] {
        var query = PGQuery(PostgresRows.approvalSelect)
        appendApprovalFilter(&query, filter)
        query.append(approvalOrder(filter))
        query.append(" LIMIT \(query.bind(max(0, filter.limit))) OFFSET \(query.bind(max(0, filter.offset)))")
        let rows = try db.run(query).rows
        let ids = try rows.map { ApprovalID(rawValue: try $0.int64("id")) }
        let decisions = try decisions(db, for: ids)
        return try zip(rows, ids).map { row, id in try PostgresRows.approval(row, decisions: decisions[id] ?? []) }
    }

    static func approvalCount(_ db: PGConnection, _ filter: ApprovalQuery) throws -> Int {
        var query = PGQuery(
            "SELECT COUNT(*) AS n FROM approvals a JOIN runs r ON r.id = a.run_id JOIN projects p ON p.id = r.project_id"
        )
        appendApprovalFilter(&query, filter)
        return try db.run(query).first?.int("n") ?? 0
    }

    static func approvals(_ db: PGConnection, forRun id: RunID) throws -> [Approval] {
        let ids = try db.query("SELECT id FROM approvals WHERE run_id = $1 ORDER BY id", [String(id.rawValue)]).rows
        return try ids.compactMap { try approval(db, ApprovalID(rawValue: try $0.int64("id"))) }
    }

    // MARK: - Summaries

    static func queueSummary(_ db: PGConnection, now: Date) throws -> QueueSummary {
        var byState: [RunState: Int] = [:]
        for row in try db.query("SELECT state, COUNT(*) AS n FROM runs GROUP BY state").rows {
            if let state = RunState(rawValue: row.string("state")) { byState[state] = try row.int("n") }
        }
        let hourAgo = String(now.addingTimeInterval(-3600).epochMilliseconds)
        let failed = try db.query(
            "SELECT COUNT(*) AS n FROM runs WHERE state = 'failed' AND ended_at >= $1", [hourAgo]
        ).first?.int("n") ?? 0
        let oldest = try db.query("SELECT MIN(submitted_at) AS oldest FROM runs WHERE state = 'queued'").first?.date("oldest")
        let pending = try db.query(
            """
            SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE risk = 'high') AS high, MIN(due_at) AS nearest
            FROM approvals WHERE state = 'pending'
            """
        ).first
        return QueueSummary(
            byState: byState, failedLastHour: failed, oldestQueuedAt: oldest,
            pendingApprovals: try pending?.int("n") ?? 0, pendingHighRisk: try pending?.int("high") ?? 0,
            nearestDue: pending?.date("nearest")
        )
    }

    static func poolLoads(_ db: PGConnection) throws -> [PoolLoad] {
        let rows = try db.query(
            """
            SELECT pl.*,
              COALESCE((SELECT SUM(gpus) FROM runs WHERE pool_id = pl.id
                        AND state IN ('running', 'cancel_requested', 'reroute_requested')), 0) AS gpus_in_use,
              COALESCE((SELECT SUM(cpus) FROM runs WHERE pool_id = pl.id
                        AND state IN ('running', 'cancel_requested', 'reroute_requested')), 0) AS cpus_in_use,
              (SELECT COUNT(*) FROM runs WHERE pool_id = pl.id AND state = 'queued') AS queued
            FROM pools pl ORDER BY pl.id COLLATE "C"
            """
        ).rows
        return try rows.map { row in
            PoolLoad(
                pool: try PostgresRows.pool(row), gpusInUse: try row.int("gpus_in_use"), cpusInUse: try row.int("cpus_in_use"),
                queued: try row.int("queued")
            )
        }
    }

    static func projectActivity(_ db: PGConnection, instituteID: String?) throws -> [ProjectActivity] {
        var query = PGQuery(
            """
            SELECT p.*,
              (SELECT COUNT(*) FROM runs r WHERE r.project_id = p.id
                 AND r.state IN ('queued', 'running', 'awaiting_approval', 'cancel_requested', 'reroute_requested'))
                 AS active_runs,
              (SELECT COUNT(*) FROM approvals a JOIN runs r ON r.id = a.run_id
                 WHERE r.project_id = p.id AND a.state = 'pending') AS pending_approvals
            FROM projects p JOIN institutes i ON i.id = p.institute_id
            """
        )
        if let instituteID { query.append(" WHERE p.institute_id = \(query.bind(instituteID))") }
        query.append(" ORDER BY i.position, i.name COLLATE \"C\", p.name COLLATE \"C\"")
        return try db.run(query).rows.map { row in
            ProjectActivity(
                project: try PostgresRows.project(row), activeRuns: try row.int("active_runs"),
                pendingApprovals: try row.int("pending_approvals")
            )
        }
    }

    // MARK: - Audit

    static func appendAuditFilter(_ query: inout PGQuery, _ filter: AuditQuery) {
        guard let text = filter.text, !text.isEmpty else { return }
        let pattern = query.bind(PostgresRows.containsPattern(text))
        query.append(
            " WHERE actor ILIKE \(pattern) ESCAPE '\\' OR action ILIKE \(pattern) ESCAPE '\\'"
                + " OR subject ILIKE \(pattern) ESCAPE '\\' OR details ILIKE \(pattern) ESCAPE '\\'"
        )
    }

    static func auditCount(_ db: PGConnection, _ filter: AuditQuery) throws -> Int {
        guard let text = filter.text, !text.isEmpty else {
            return try db.query("SELECT COALESCE(MAX(seq), 0) AS n FROM audit_log").first?.int("n") ?? 0
        }
        var query = PGQuery("SELECT COUNT(*) AS n FROM audit_log")
        appendAuditFilter(&query, filter)
        return try db.run(query).first?.int("n") ?? 0
    }

    static func auditRecords(_ db: PGConnection, _ filter: AuditQuery) throws -> [AuditRecord] {
        var query = PGQuery("SELECT * FROM audit_log")
        appendAuditFilter(&query, filter)
        query.append(" ORDER BY seq DESC LIMIT \(query.bind(max(0, filter.limit))) OFFSET \(query.bind(max(0, filter.offset)))")
        return try db.run(query).rows.map(PostgresRows.audit)
    }
}
