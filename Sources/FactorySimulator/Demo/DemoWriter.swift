import Foundation
import FactoryModel
import FactoryStore

/// Writes a demo plan into a job store, inside the one write transaction ``DemoFactory`` opens, in SQL that both
/// stores take. Every value is a bound parameter.
enum DemoWriter {
    /// Refuses a store that already holds a factory (catalogue rows or runs).
    static func refuseUnlessEmpty(_ db: any RawSQLSession, location: String) throws {
        let row = try db.rows(
            """
                SELECT (SELECT COUNT(*) FROM runs) AS runs, (SELECT COUNT(*) FROM approvals) AS approvals,
                       (SELECT COUNT(*) FROM sites) AS sites, (SELECT COUNT(*) FROM pools) AS pools,
                       (SELECT COUNT(*) FROM institutes) AS institutes, (SELECT COUNT(*) FROM projects) AS projects
                """
        ).first
        let runs = row?["runs"].int64 ?? 0
        let others = ["approvals", "sites", "pools", "institutes", "projects"].reduce(Int64(0)) { $0 + (row?[$1].int64 ?? 0) }
        guard runs == 0 && others == 0 else {
            throw StoreError(
                .unavailable,
                "The job store at \(location) already holds a factory (\(runs) runs, \(others) other rows); "
                    + "the demo is loaded only into a new store. Nothing was changed. Create a fresh one with "
                    + "`fusion-console init --demo --store NEW-PATH`."
            )
        }
    }

    /// Makes `creator` the admin, with its `init` audit record, when no account has a role yet (as
    /// `StoreBootstrap.claimAdmin` does); returns the accounts that hold a role afterwards.
    static func claimAdminIfUnowned(_ db: any RawSQLSession, creator: Actor, now: Date) throws -> Set<String> {
        let accounts = try db.rows("SELECT account FROM operators").compactMap { $0["account"].string }
        guard accounts.isEmpty else { return Set(accounts) }
        try db.execute(
            "INSERT INTO operators (account, role, granted_by, granted_at) VALUES (?, ?, ?, ?)",
            [creator.account, Role.admin.rawValue, creator.account, now.epochMilliseconds]
        )
        let entry = AuditEntry(actor: creator, action: "init", subject: creator.account, outcome: .ok, details: ["role": "admin"])
        _ = try appendAudit([PlannedAudit(at: now.epochMilliseconds, order: 0, entry: entry)], to: db)
        return [creator.account]
    }

    /// Inserts every row of `plan`; returns the number of audit records appended.
    /// The integer in the first column of a query's first row.
    static func count(_ db: any RawSQLSession, _ sql: String) throws -> Int {
        Int(try db.rows(sql).first?.values.first?.int64 ?? 0)
    }

    static func write(_ plan: DemoPlan, to db: any RawSQLSession) throws -> Int {
        try writeCatalogue(plan, to: db)
        try writeRuns(plan.runs, to: db)
        try writeApprovals(plan.runs, to: db)
        return try appendAudit(plan.audit, to: db)
    }

    private static func writeCatalogue(_ plan: DemoPlan, to db: any RawSQLSession) throws {
        let site = "INSERT INTO sites (id, name, tier, region) VALUES (?, ?, ?, ?)"
        for row in DemoCatalogue.sites {
            try db.execute(site, [row.id, row.name, row.tier.rawValue, row.region])
        }
        let pool = "INSERT INTO pools (id, site_id, kind, gpu_capacity, cpu_capacity) VALUES (?, ?, ?, ?, ?)"
        for row in DemoCatalogue.pools {
            try db.execute(pool, [row.id, row.siteID, row.kind.rawValue, row.gpuCapacity, row.cpuCapacity])
        }
        let institute = "INSERT INTO institutes (id, name, region, theme, university, position) VALUES (?, ?, ?, ?, ?, ?)"
        for (position, row) in DemoCatalogue.institutes.enumerated() {
            try db.execute(institute, [row.id, row.name, row.region, row.theme, row.university, position])
        }
        let project = """
                INSERT INTO projects (id, institute_id, name, sector, phase, health, gpu_hours_budget, gpu_hours_used,
                                      next_milestone, milestone_due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        for row in plan.projects {
            try db.execute(
                project, [
                    row.id.rawValue, row.instituteID, row.name, row.sector, row.phase.rawValue, row.health.rawValue,
                    row.gpuHoursBudget, row.gpuHoursUsed, row.nextMilestone, row.milestoneDue?.epochMilliseconds,
                ]
            )
        }
        let account = "INSERT INTO operators (account, role, granted_by, granted_at) VALUES (?, ?, ?, ?)"
        for row in plan.operators {
            try db.execute(account, [row.account, row.role.rawValue, row.grantedBy, row.grantedAt.epochMilliseconds])
        }
    }

    private static func writeRuns(_ runs: [PlannedRun], to db: any RawSQLSession) throws {
        let insert = """
                INSERT INTO runs (id, agent, title, project_id, state, priority, pool_id, node, gpus, cpus, submitted_by,
                                  submitted_at, started_at, ended_at, end_reason, cancel_requested_by,
                                  cancel_requested_at, cancel_reason, reroute_requested_by, reroute_requested_at,
                                  reroute_reason, reroute_to, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        for run in runs {
            try db.execute(
                insert, [
                    run.id, run.agent, run.title, run.projectID, run.state.rawValue, run.priority.rawValue, run.poolID,
                    run.node, run.gpus, run.cpus, run.submittedBy, run.submittedAt, run.startedAt, run.endedAt,
                    run.endReason, run.cancel?.by, run.cancel?.at, run.cancel?.reason, run.reroute?.by, run.reroute?.at,
                    run.reroute?.reason, run.rerouteTo, run.updatedAt, run.version,
                ]
            )
        }
    }

    private static func writeApprovals(_ runs: [PlannedRun], to db: any RawSQLSession) throws {
        let withApproval = runs.compactMap { run in run.approval.map { (run: run, approval: $0) } }
            .sorted { $0.approval.id < $1.approval.id }
        let insert = """
                INSERT INTO approvals (id, run_id, subject, proposed_action, rationale, risk, required_approvals,
                                       requested_by, requested_at, due_at, state, decided_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        for (run, approval) in withApproval {
            try db.execute(
                insert, [
                    approval.id, run.id, approval.subject, approval.proposedAction, approval.rationale,
                    approval.risk.rawValue, approval.requiredApprovals, approval.requestedBy, approval.requestedAt,
                    approval.dueAt, approval.state.rawValue, approval.decidedAt, approval.version,
                ]
            )
        }
        let decisions = withApproval
            .flatMap { item in item.approval.decisions.map { (approvalID: item.approval.id, decision: $0) } }
            .sorted { ($0.decision.at, $0.approvalID) < ($1.decision.at, $1.approvalID) }
        let decide = "INSERT INTO decisions (approval_id, decided_by, via, role, verdict, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)"
        for (approvalID, decision) in decisions {
            try db.execute(
                decide, [
                    approvalID, decision.by, nil as String?, Role.supervisor.rawValue, decision.verdict.rawValue,
                    decision.reason, decision.at,
                ]
            )
        }
    }

    /// Seals `entries` onto the end of the store's audit chain, in the order given.
    private static func appendAudit(_ entries: [PlannedAudit], to db: any RawSQLSession) throws -> Int {
        let head = try db.rows("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first
        var previous = head.map { (seq: $0["seq"].int64 ?? 0, hash: $0["hash"].string ?? "") }
        let insert = """
                INSERT INTO audit_log (seq, at, actor, via, action, subject, outcome, details, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        for planned in entries {
            let record = AuditChain.seal(planned.entry, at: Date(epochMilliseconds: planned.at), after: previous)
            try db.execute(
                insert, [
                    record.seq, record.at.epochMilliseconds, record.actor, record.via, record.action, record.subject,
                    record.outcome.rawValue, record.details, record.prevHash, record.hash,
                ]
            )
            previous = (record.seq, record.hash)
        }
        return entries.count
    }
}
