import Foundation
import FactoryModel
import FactoryStore
import GRDB

/// Generates a large, realistic factory into a new SQLite store, fast: the demo's sites, institutes and projects,
/// `nodes` nodes in the demo's pools, a history of `runs` runs, `pendingApprovals` approvals waiting for a human and
/// `auditRecords` audit records forming a valid chain (see ``SeedPlanner``). For benchmarks and load tests: a
/// million runs and a million audit records take well under a minute.
///
/// ```swift
/// let summary = try FactorySeeder.seed(path: "/tmp/big.sqlite", options: SeedOptions(
///     nodes: 10_000, runs: 1_000_000, pendingApprovals: 10_000, auditRecords: 1_000_000), creator: actor)
/// ```
public enum FactorySeeder {
    /// Creates the store at `path` (which must not exist) and fills it in one transaction; returns what was written.
    ///
    /// - Throws: `StoreError` when the path exists (nothing is changed) or the store cannot be written (the new file
    ///   is removed).
    public static func seed(path: String, options: SeedOptions, creator: Actor) throws(StoreError) -> DemoSummary {
        if let problem = options.problem { throw StoreError(.unavailable, problem) }
        return try SQLiteJobStore.bulkCreate(path: path) { db in
            var planner = SeedPlanner(options: options, creator: creator)
            let grants = grants(by: creator, at: planner.start - Millis.hour)
            try writeCatalogue(db, planner: planner, creator: creator, grants: grants)
            let writer = try SeedWriter(db)
            let active = planner.planActive()
            var tally = SeedTally()
            // Rows are drawn on another thread while this one inserts them.
            let drawing = planner
            let runs = SeedPipeline<PlannedRun, SeedPlanner> { emit in
                var planner = drawing
                for slot in 0..<planner.endedCount { emit(planner.endedRun(slot: slot)) }
                planner.decidedApprovals = planner.nextApprovalID - 1
                for var run in active {
                    if run.approval != nil {
                        run.approval?.id = planner.nextApprovalID
                        planner.nextApprovalID += 1
                    }
                    emit(run)
                }
                return planner
            }
            try runs.drain { run in
                try writer.insert(run)
                tally.count(run)
            }
            guard let drawn = runs.final else { throw StoreError(.unavailable, "The seed's drawing stopped early.") }
            let audit = SeedPipeline<SealedAudit, Int> { emit in
                var planner = drawn
                var head: SealedAudit?
                for index in 0..<options.auditRecords {
                    let record = planner.auditRecord(index, of: options.auditRecords, approvals: planner.decidedApprovals,
                                                     creator: creator, grants: grants)
                    let sealed = SealedAudit(record, after: head)
                    emit(sealed)
                    head = sealed
                }
                return options.auditRecords
            }
            try audit.drain { record in try writer.insert(record) }
            return DemoSummary(
                seed: options.seed, sites: DemoCatalogue.sites.count, pools: DemoCatalogue.pools.count,
                nodes: drawn.nodes.count, institutes: DemoCatalogue.institutes.count,
                projects: DemoCatalogue.projects.count, accountsGranted: grants.count, runsByState: tally.runs,
                approvalsByState: tally.approvals, pendingByRisk: tally.pendingByRisk, decisions: tally.decisions,
                auditRecords: options.auditRecords
            )
        }
    }
}

/// What a seed wrote, counted as it goes.
struct SeedTally {
    var runs: [RunState: Int] = [:]
    var approvals: [ApprovalState: Int] = [:]
    var pendingByRisk: [Risk: Int] = [:]
    var decisions = 0

    mutating func count(_ run: PlannedRun) {
        runs[run.state, default: 0] += 1
        guard let approval = run.approval else { return }
        approvals[approval.state, default: 0] += 1
        if approval.state == .pending { pendingByRisk[approval.risk, default: 0] += 1 }
        decisions += approval.decisions.count
    }
}

extension FactorySeeder {
    /// The demo accounts the creator grants at the start of the history (the creator itself is the admin).
    static func grants(by creator: Actor, at time: Int64) -> [OperatorAccount] {
        DemoCatalogue.accounts.filter { $0.account != creator.account }.enumerated().map { index, account in
            OperatorAccount(account: account.account, role: account.role, grantedBy: creator.account,
                            grantedAt: Date(epochMilliseconds: time + Int64(index + 1) * 3 * Millis.minute))
        }
    }

    /// Sites, the pools sized for the nodes, institutes, projects, and the accounts with their roles.
    private static func writeCatalogue(_ db: Database, planner: SeedPlanner, creator: Actor, grants: [OperatorAccount]) throws {
        for site in DemoCatalogue.sites {
            try db.execute(sql: "INSERT INTO sites (id, name, tier, region) VALUES (?, ?, ?, ?)",
                           arguments: [site.id, site.name, site.tier.rawValue, site.region])
        }
        for pool in DemoCatalogue.pools(of: planner.nodes) {
            try db.execute(
                sql: "INSERT INTO pools (id, site_id, kind, gpu_capacity, cpu_capacity) VALUES (?, ?, ?, ?, ?)",
                arguments: [pool.id, pool.siteID, pool.kind.rawValue, pool.gpuCapacity, pool.cpuCapacity]
            )
        }
        for (position, institute) in DemoCatalogue.institutes.enumerated() {
            try db.execute(
                sql: "INSERT INTO institutes (id, name, region, theme, university, position) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [institute.id, institute.name, institute.region, institute.theme, institute.university, position]
            )
        }
        for project in planner.demo.projects() {
            try db.execute(
                sql: """
                    INSERT INTO projects (id, institute_id, name, sector, phase, health, gpu_hours_budget, gpu_hours_used,
                                          next_milestone, milestone_due_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    project.id.rawValue, project.instituteID, project.name, project.sector, project.phase.rawValue,
                    project.health.rawValue, project.gpuHoursBudget, project.gpuHoursUsed, project.nextMilestone,
                    project.milestoneDue?.epochMilliseconds,
                ]
            )
        }
        let account = "INSERT INTO operators (account, role, granted_by, granted_at) VALUES (?, ?, ?, ?)"
        try db.execute(sql: account, arguments: [creator.account, Role.admin.rawValue, creator.account,
                                                  (planner.start - Millis.hour)])
        for grant in grants {
            try db.execute(sql: account, arguments: [grant.account, grant.role.rawValue, grant.grantedBy,
                                                      grant.grantedAt.epochMilliseconds])
        }
    }
}
