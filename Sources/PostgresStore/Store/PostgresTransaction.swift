import FactoryModel
import FactoryStore
import Foundation

/// The primitive reads and writes of one PostgreSQL write transaction (READ COMMITTED). Reads of an approval or
/// a run lock the row (`FOR UPDATE`) until the transaction ends, so a racing decider waits and then sees the
/// winner's change; updates are compare-and-set on `version`; audit appends are serialised by an advisory lock.
struct PostgresTransaction: StoreTransaction {
    let db: PGConnection

    var sql: any RawSQLSession { PostgresRawSession(db: db) }

    func role(of account: String) throws -> Role {
        guard let text = try db.query("SELECT role FROM operators WHERE account = $1", [account]).first?["role"] else {
            return .viewer
        }
        return Role(rawValue: text) ?? .viewer
    }

    func approval(_ id: ApprovalID) throws -> Approval? {
        try PostgresReads.approval(db, id, lock: try db.mayLock("approvals"))
    }

    func run(_ id: RunID) throws -> Run? {
        try PostgresReads.run(db, id, lock: try db.mayLock("runs"))
    }

    func pool(_ id: String) throws -> Pool? {
        try db.query("SELECT * FROM pools WHERE id = $1", [id]).first.map(PostgresRows.pool)
    }

    func updateApproval(_ id: ApprovalID, expectedVersion: Int64, state: ApprovalState, decidedAt: Date?) throws -> Bool {
        try db.query(
            """
            UPDATE approvals SET state = $1, decided_at = $2, version = version + 1
            WHERE id = $3 AND version = $4 AND state = 'pending'
            """,
            [state.rawValue, decidedAt.map { String($0.epochMilliseconds) }, String(id.rawValue), String(expectedVersion)]
        ).affected == 1
    }

    func insertDecision(_ decision: Decision) throws {
        try db.query(
            """
            INSERT INTO decisions (approval_id, decided_by, via, role, verdict, reason, at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """,
            [
                String(decision.approvalID.rawValue), decision.decidedBy, decision.via, decision.role.rawValue,
                decision.verdict.rawValue, decision.reason, String(decision.at.epochMilliseconds),
            ]
        )
    }

    func withdrawPendingApprovals(ofRun id: RunID, at: Date) throws -> [ApprovalID] {
        let rows = try db.query(
            """
            UPDATE approvals SET state = 'withdrawn', decided_at = $1, version = version + 1
            WHERE run_id = $2 AND state = 'pending' RETURNING id
            """,
            [String(at.epochMilliseconds), String(id.rawValue)]
        ).rows
        return try rows.map { ApprovalID(rawValue: try $0.int64("id")) }.sorted()
    }

    func latestApprovalID(ofRun id: RunID) throws -> ApprovalID? {
        try db.query("SELECT MAX(id) AS id FROM approvals WHERE run_id = $1", [String(id.rawValue)]).first?
            .optionalInt64("id").map(ApprovalID.init(rawValue:))
    }

    /// Overdue pending approvals, locked; those another transaction holds are skipped (it is deciding them).
    func overdueApprovals(now: Date, limit: Int) throws -> [Approval] {
        let lock = try db.mayLock("approvals") ? " FOR UPDATE OF a SKIP LOCKED" : ""
        let rows = try db.query(
            PostgresRows.approvalSelect + " WHERE a.state = 'pending' AND a.due_at <= $1 ORDER BY a.due_at LIMIT $2" + lock,
            [String(now.epochMilliseconds), String(limit)]
        ).rows
        return try rows.map { try PostgresRows.approval($0, decisions: []) }
    }

    func updateRun(_ id: RunID, expectedVersion: Int64, change: RunChange, at: Date) throws -> Bool {
        var query = PGQuery("UPDATE runs SET version = version + 1")
        func set(_ column: String, _ value: String?) {
            query.append(", \(column) = \(query.bind(value))")
        }
        set("updated_at", String(at.epochMilliseconds))
        if let state = change.state { set("state", state.rawValue) }
        if let pool = change.poolID { set("pool_id", pool) }
        if let node = change.node { set("node", node) }
        if let startedAt = change.startedAt { set("started_at", String(startedAt.epochMilliseconds)) }
        if let endedAt = change.endedAt { set("ended_at", String(endedAt.epochMilliseconds)) }
        if let endReason = change.endReason { set("end_reason", endReason) }
        if let request = change.cancelRequest {
            set("cancel_requested_by", request.by)
            set("cancel_requested_at", String(request.at.epochMilliseconds))
            set("cancel_reason", request.reason)
        }
        if let request = change.rerouteRequest {
            set("reroute_requested_by", request.by)
            set("reroute_requested_at", String(request.at.epochMilliseconds))
            set("reroute_reason", request.reason)
        }
        if let target = change.rerouteTo { set("reroute_to", target) }
        query.append(" WHERE id = \(query.bind(id.rawValue)) AND version = \(query.bind(expectedVersion))")
        return try db.run(query).affected == 1
    }

    func insertRun(_ run: NewRun) throws -> RunID {
        let submitted = String(run.submittedAt.epochMilliseconds)
        let row = try db.query(
            """
            INSERT INTO runs (agent, title, project_id, state, priority, pool_id, gpus, cpus, submitted_by,
                              submitted_at, updated_at)
            VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $8, $9, $9) RETURNING id
            """,
            [
                run.agent, run.title, String(run.projectID.rawValue), String(run.priority.rawValue), run.poolID,
                String(run.gpus), String(run.cpus), run.submittedBy, submitted,
            ]
        ).first
        return RunID(rawValue: try row?.int64("id") ?? 0)
    }

    func insertApproval(_ approval: NewApproval) throws -> ApprovalID {
        let row = try db.query(
            """
            INSERT INTO approvals (run_id, subject, proposed_action, rationale, risk, required_approvals,
                                   requested_by, requested_at, due_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """,
            [
                String(approval.runID.rawValue), approval.subject, approval.proposedAction, approval.rationale,
                approval.risk.rawValue, String(approval.requiredApprovals), approval.requestedBy,
                String(approval.requestedAt.epochMilliseconds), String(approval.dueAt.epochMilliseconds),
            ]
        ).first
        return ApprovalID(rawValue: try row?.int64("id") ?? 0)
    }

    func upsertOperator(_ account: OperatorAccount) throws {
        try db.query(
            """
            INSERT INTO operators (account, role, granted_by, granted_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (account) DO UPDATE SET role = EXCLUDED.role, granted_by = EXCLUDED.granted_by,
                                                granted_at = EXCLUDED.granted_at
            """,
            [account.account, account.role.rawValue, account.grantedBy, String(account.grantedAt.epochMilliseconds)]
        )
    }

    func operatorCount() throws -> Int {
        try db.query("SELECT COUNT(*) AS n FROM operators").first?.int("n") ?? 0
    }

    /// Takes the chain's advisory lock (held until the transaction ends), reads the head, appends after it.
    func appendAudit(_ entry: AuditEntry, at: Date) throws -> AuditRecord {
        try db.script(Self.auditLock)
        let head = try db.query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first
        let previous = try head.map { (seq: try $0.int64("seq"), hash: $0.string("hash")) }
        let record = AuditChain.seal(entry, at: at, after: previous)
        try db.query(
            """
            INSERT INTO audit_log (seq, at, actor, via, action, subject, outcome, details, prev_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """,
            [
                String(record.seq), String(record.at.epochMilliseconds), record.actor, record.via, record.action,
                record.subject, record.outcome.rawValue, record.details, record.prevHash, record.hash,
            ]
        )
        return record
    }

    /// The lock every audit append takes: one per schema's audit table, held to the end of the transaction.
    static let auditLock = "SELECT pg_advisory_xact_lock(hashtextextended('fusion-console audit chain ' || 'audit_log'::regclass::oid::text, 0))"
}
