import Foundation
import FactoryModel
import GRDB

/// The primitive reads and writes of one SQLite write transaction (BEGIN IMMEDIATE: writers are serialised, so
/// rows read here cannot change under it).
struct SQLiteTransaction: StoreTransaction {
    let db: Database

    var sql: any RawSQLSession { SQLiteRawSession(db: db) }

    func role(of account: String) throws -> Role {
        guard let text = try String.fetchOne(db, sql: "SELECT role FROM operators WHERE account = ?", arguments: [account])
        else { return .viewer }
        return Role(rawValue: text) ?? .viewer
    }

    func approval(_ id: ApprovalID) throws -> Approval? {
        try SQLiteReads.approval(db, id)
    }

    func run(_ id: RunID) throws -> Run? {
        try Row.fetchOne(db, sql: "\(SQLiteRows.runSelect) WHERE r.id = ?", arguments: [id.rawValue]).map(SQLiteRows.run)
    }

    func pool(_ id: String) throws -> Pool? {
        try Row.fetchOne(db, sql: "SELECT * FROM pools WHERE id = ?", arguments: [id]).map(SQLiteRows.pool)
    }

    func updateApproval(_ id: ApprovalID, expectedVersion: Int64, state: ApprovalState, decidedAt: Date?) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE approvals SET state = ?, decided_at = ?, version = version + 1
                WHERE id = ? AND version = ? AND state = 'pending'
                """,
            arguments: [state.rawValue, decidedAt?.epochMilliseconds, id.rawValue, expectedVersion]
        )
        return db.changesCount == 1
    }

    func insertDecision(_ decision: Decision) throws {
        try db.execute(
            sql: """
                INSERT INTO decisions (approval_id, decided_by, via, role, verdict, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                decision.approvalID.rawValue, decision.decidedBy, decision.via, decision.role.rawValue,
                decision.verdict.rawValue, decision.reason, decision.at.epochMilliseconds,
            ]
        )
    }

    func withdrawPendingApprovals(ofRun id: RunID, at: Date) throws -> [ApprovalID] {
        let ids = try Int64.fetchAll(
            db, sql: "SELECT id FROM approvals WHERE run_id = ? AND state = 'pending' ORDER BY id", arguments: [id.rawValue]
        )
        try db.execute(
            sql: """
                UPDATE approvals SET state = 'withdrawn', decided_at = ?, version = version + 1
                WHERE run_id = ? AND state = 'pending'
                """,
            arguments: [at.epochMilliseconds, id.rawValue]
        )
        return ids.map(ApprovalID.init(rawValue:))
    }

    func latestApprovalID(ofRun id: RunID) throws -> ApprovalID? {
        try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM approvals WHERE run_id = ?", arguments: [id.rawValue])
            .map(ApprovalID.init(rawValue:))
    }

    func overdueApprovals(now: Date, limit: Int) throws -> [Approval] {
        let rows = try Row.fetchAll(
            db, sql: "\(SQLiteRows.approvalSelect) WHERE a.state = 'pending' AND a.due_at <= ? ORDER BY a.due_at LIMIT ?",
            arguments: [now.epochMilliseconds, limit]
        )
        return try rows.map { try SQLiteRows.approval($0, decisions: []) }
    }

    func updateRun(_ id: RunID, expectedVersion: Int64, change: RunChange, at: Date) throws -> Bool {
        var assignments = ["version = version + 1", "updated_at = ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [at.epochMilliseconds]
        func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
            assignments.append("\(column) = ?")
            arguments.append(value)
        }
        if let state = change.state { set("state", state.rawValue) }
        if let pool = change.poolID { set("pool_id", pool) }
        if let node = change.node { set("node", node) }
        if let startedAt = change.startedAt { set("started_at", startedAt.epochMilliseconds) }
        if let endedAt = change.endedAt { set("ended_at", endedAt.epochMilliseconds) }
        if let endReason = change.endReason { set("end_reason", endReason) }
        if let request = change.cancelRequest {
            set("cancel_requested_by", request.by)
            set("cancel_requested_at", request.at.epochMilliseconds)
            set("cancel_reason", request.reason)
        }
        if let request = change.rerouteRequest {
            set("reroute_requested_by", request.by)
            set("reroute_requested_at", request.at.epochMilliseconds)
            set("reroute_reason", request.reason)
        }
        if let target = change.rerouteTo { set("reroute_to", target) }
        arguments.append(id.rawValue)
        arguments.append(expectedVersion)
        try db.execute(
            sql: "UPDATE runs SET \(assignments.joined(separator: ", ")) WHERE id = ? AND version = ?",
            arguments: StatementArguments(arguments)
        )
        return db.changesCount == 1
    }

    func insertRun(_ run: NewRun) throws -> RunID {
        try db.execute(
            sql: """
                INSERT INTO runs (agent, title, project_id, state, priority, pool_id, gpus, cpus, submitted_by,
                                  submitted_at, updated_at)
                VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                run.agent, run.title, run.projectID.rawValue, run.priority.rawValue, run.poolID, run.gpus, run.cpus,
                run.submittedBy, run.submittedAt.epochMilliseconds, run.submittedAt.epochMilliseconds,
            ]
        )
        return RunID(rawValue: db.lastInsertedRowID)
    }

    func insertApproval(_ approval: NewApproval) throws -> ApprovalID {
        try db.execute(
            sql: """
                INSERT INTO approvals (run_id, subject, proposed_action, rationale, risk, required_approvals,
                                       requested_by, requested_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                approval.runID.rawValue, approval.subject, approval.proposedAction, approval.rationale,
                approval.risk.rawValue, approval.requiredApprovals, approval.requestedBy,
                approval.requestedAt.epochMilliseconds, approval.dueAt.epochMilliseconds,
            ]
        )
        return ApprovalID(rawValue: db.lastInsertedRowID)
    }

    func upsertOperator(_ account: OperatorAccount) throws {
        try db.execute(
            sql: """
                INSERT INTO operators (account, role, granted_by, granted_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(account) DO UPDATE SET role = excluded.role, granted_by = excluded.granted_by,
                                                   granted_at = excluded.granted_at
                """,
            arguments: [account.account, account.role.rawValue, account.grantedBy, account.grantedAt.epochMilliseconds]
        )
    }

    func operatorCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM operators") ?? 0
    }

    func appendAudit(_ entry: AuditEntry, at: Date) throws -> AuditRecord {
        let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let previous = try head.map { (seq: try SQLiteRows.integer($0, "seq"), hash: try SQLiteRows.text($0, "hash")) }
        let record = AuditChain.seal(entry, at: at, after: previous)
        try db.execute(
            sql: """
                INSERT INTO audit_log (seq, at, actor, via, action, subject, outcome, details, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.seq, record.at.epochMilliseconds, record.actor, record.via, record.action, record.subject,
                record.outcome.rawValue, record.details, record.prevHash, record.hash,
            ]
        )
        return record
    }
}
