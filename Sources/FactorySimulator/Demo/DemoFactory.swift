import Foundation
import FactoryModel
import FactoryStore

/// Fills a new job store with a demo factory: Morocco's sovereign AI factory with its sites, pools and Jazari
/// institutes, a few hundred runs in every state, approvals waiting for a human and the recent history behind
/// them, audit trail included.
///
/// The demo is drawn from ``DemoCatalogue`` with ``SeededRandom``: the same seed and `now` give identical rows (in an SQLite or a PostgreSQL store alike);
/// another seed gives another factory.
public enum DemoFactory {
    /// Populates an empty, migrated store in one write transaction and returns what it wrote.
    ///
    /// - Parameters:
    ///   - store: a store with no sites, pools, institutes, projects, runs or approvals yet (a store just made by
    ///     `init` qualifies: its only rows are the creator's admin role and `init` audit record).
    ///   - seed: the seed the demo is drawn with.
    ///   - now: the demo's present: queued runs were submitted in the hour before, deadlines fall after it.
    ///   - creator: the account loading the demo. It grants the demo accounts their roles; if no account holds a
    ///     role yet it becomes admin first, as `init` would make it. Accounts that already hold a role keep it.
    /// - Throws: `StoreError` when the store already holds a factory (nothing is changed), or cannot be written.
    public static func populate(
        _ store: any RawSQLStore, seed: UInt64, now: Date, creator: Actor
    ) throws(StoreError) -> DemoSummary {
        try store.rawSQL { db in
            try DemoWriter.refuseUnlessEmpty(db, location: store.location)
            let auditBefore = try DemoWriter.count(db, "SELECT COUNT(*) AS n FROM audit_log")
            let accounts = try DemoWriter.claimAdminIfUnowned(db, creator: creator, now: now)
            var planner = DemoPlanner(seed: seed, now: now, creator: creator, existingAccounts: accounts)
            let plan = planner.plan()
            _ = try DemoWriter.write(plan, to: db)
            let auditAfter = try DemoWriter.count(db, "SELECT COUNT(*) AS n FROM audit_log")
            return summary(of: plan, seed: seed, auditRecords: auditAfter - auditBefore)
        }
    }

    static func summary(of plan: DemoPlan, seed: UInt64, auditRecords: Int) -> DemoSummary {
        var runs: [RunState: Int] = [:]
        var approvals: [ApprovalState: Int] = [:]
        var pendingByRisk: [Risk: Int] = [:]
        var decisions = 0
        for run in plan.runs {
            runs[run.state, default: 0] += 1
            guard let approval = run.approval else { continue }
            approvals[approval.state, default: 0] += 1
            if approval.state == .pending { pendingByRisk[approval.risk, default: 0] += 1 }
            decisions += approval.decisions.count
        }
        return DemoSummary(
            seed: seed, sites: DemoCatalogue.sites.count, pools: DemoCatalogue.pools.count,
            nodes: DemoCatalogue.nodes.count, institutes: DemoCatalogue.institutes.count, projects: plan.projects.count,
            accountsGranted: plan.operators.count, runsByState: runs, approvalsByState: approvals,
            pendingByRisk: pendingByRisk, decisions: decisions, auditRecords: auditRecords
        )
    }
}
