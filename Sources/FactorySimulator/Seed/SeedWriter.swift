import Foundation
import FactoryModel
import GRDB

/// Inserts a seeded factory's rows through statements prepared once, inside the one bulk transaction.
struct SeedWriter {
    private let runs: Statement
    private let approvals: Statement
    private let decisions: Statement
    private let audit: Statement

    init(_ db: Database) throws {
        runs = try db.makeStatement(sql: """
            INSERT INTO runs (id, agent, title, project_id, state, priority, pool_id, node, gpus, cpus, submitted_by,
                              submitted_at, started_at, ended_at, end_reason, cancel_requested_by, cancel_requested_at,
                              cancel_reason, reroute_requested_by, reroute_requested_at, reroute_reason, reroute_to,
                              updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        approvals = try db.makeStatement(sql: """
            INSERT INTO approvals (id, run_id, subject, proposed_action, rationale, risk, required_approvals,
                                   requested_by, requested_at, due_at, state, decided_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        decisions = try db.makeStatement(sql: """
            INSERT INTO decisions (approval_id, decided_by, via, role, verdict, reason, at) VALUES (?, ?, NULL, ?, ?, ?, ?)
            """)
        audit = try db.makeStatement(sql: """
            INSERT INTO audit_log (seq, at, actor, via, action, subject, outcome, details, prev_hash, hash)
            VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// The run, then its approval and the approval's decisions.
    func insert(_ run: PlannedRun) throws {
        try runs.execute(arguments: [
            run.id, run.agent, run.title, run.projectID, run.state.rawValue, run.priority.rawValue, run.poolID, run.node,
            run.gpus, run.cpus, run.submittedBy, run.submittedAt, run.startedAt, run.endedAt, run.endReason, run.cancel?.by,
            run.cancel?.at, run.cancel?.reason, run.reroute?.by, run.reroute?.at, run.reroute?.reason, run.rerouteTo,
            run.updatedAt, run.version,
        ])
        guard let approval = run.approval else { return }
        try approvals.execute(arguments: [
            approval.id, run.id, approval.subject, approval.proposedAction, approval.rationale, approval.risk.rawValue,
            approval.requiredApprovals, approval.requestedBy, approval.requestedAt, approval.dueAt, approval.state.rawValue,
            approval.decidedAt, approval.version,
        ])
        for decision in approval.decisions {
            try decisions.execute(arguments: [
                approval.id, decision.by, Role.supervisor.rawValue, decision.verdict.rawValue, decision.reason, decision.at,
            ])
        }
    }

    /// Inserts a sealed audit record.
    func insert(_ record: SealedAudit) throws {
        try audit.execute(arguments: [
            record.seq, record.audit.at, record.audit.actor, record.audit.action, record.audit.subject,
            record.audit.outcome.rawValue, record.audit.details, record.prevHash, record.hash,
        ])
    }
}

/// An audit record with its place in the chain and its hash.
struct SealedAudit: Sendable {
    var audit: SeedAudit
    var seq: Int64
    var prevHash: String
    var hash: String

    /// Seals `audit` after `previous` (nil for the first record).
    init(_ audit: SeedAudit, after previous: SealedAudit?) {
        self.audit = audit
        seq = (previous?.seq ?? 0) + 1
        prevHash = previous?.hash ?? AuditChain.genesisHash
        hash = AuditChain.hashOf(
            seq: seq, at: Date(epochMilliseconds: audit.at), actor: audit.actor, via: nil, action: audit.action,
            subject: audit.subject, outcome: audit.outcome, details: audit.details, prevHash: prevHash
        )
    }
}
