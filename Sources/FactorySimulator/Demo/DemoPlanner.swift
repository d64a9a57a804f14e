import Foundation
import FactoryModel

/// Draws the whole demo (runs, approvals, decisions, the audit history) from the catalogue with a seeded generator.
/// A pure computation: the same seed, time, creator and existing accounts give the same plan.
struct DemoPlanner {
    /// The first run id (runs are numbered in order of submission).
    static let firstRunID: Int64 = 190_001
    /// The first approval id (approvals are numbered in order of request).
    static let firstApprovalID: Int64 = 4_801

    var random: SeededRandom
    let seed: UInt64
    /// The demo's present, in milliseconds.
    let now: Int64
    /// The account loading the demo: it grants the demo accounts their roles.
    let creator: Actor
    /// Accounts that already hold a role in the store; the demo never changes them.
    let existingAccounts: Set<String>
    var allocator = NodeAllocator(nodes: DemoCatalogue.nodes)
    var runs: [PlannedRun] = []

    init(seed: UInt64, now: Date, creator: Actor, existingAccounts: Set<String>) {
        self.random = SeededRandom(seed: seed)
        self.seed = seed
        self.now = now.epochMilliseconds
        self.creator = creator
        self.existingAccounts = existingAccounts
    }

    /// Plans everything.
    mutating func plan() -> DemoPlan {
        planActiveWork()
        planPendingApprovals()
        planDecidedApprovals()
        planQueue()
        planHistory()
        numberRunsAndApprovals()
        let operators = grants()
        return DemoPlan(projects: projects(), operators: operators, runs: runs, audit: auditTrail(grants: operators))
    }

    // MARK: - Catalogue rows

    func projects() -> [Project] {
        let today = Millis.dayStart(now)
        return DemoCatalogue.projects.map { spec in
            Project(
                id: spec.id, instituteID: spec.instituteID, name: spec.name, sector: spec.sector, phase: spec.phase,
                health: spec.health, gpuHoursBudget: spec.gpuHoursBudget, gpuHoursUsed: spec.gpuHoursUsed,
                nextMilestone: spec.nextMilestone,
                milestoneDue: Date(epochMilliseconds: today + Int64(spec.milestoneInDays) * Millis.day + 10 * Millis.hour)
            )
        }
    }

    /// The demo accounts the creator grants, three weeks ago, a few minutes apart; accounts that already hold a
    /// role (the creator first of all) are left as they are.
    func grants() -> [OperatorAccount] {
        let start = historyStart
        return DemoCatalogue.accounts
            .filter { $0.account != creator.account && !existingAccounts.contains($0.account) }
            .enumerated()
            .map { index, account in
                OperatorAccount(
                    account: account.account, role: account.role, grantedBy: creator.account,
                    grantedAt: Date(epochMilliseconds: start + Int64(index) * 3 * Millis.minute)
                )
            }
    }

    /// When the demo's recorded history begins: 09:00 UTC three weeks before `now`.
    var historyStart: Int64 { Millis.dayStart(now) - 21 * Millis.day + 9 * Millis.hour }

    // MARK: - Numbering

    /// Numbers runs in order of submission and approvals in order of request, then writes the end reasons that
    /// name an approval.
    mutating func numberRunsAndApprovals() {
        runs = runs.enumerated()
            .sorted { ($0.element.submittedAt, $0.offset) < ($1.element.submittedAt, $1.offset) }
            .map(\.element)
        for index in runs.indices {
            runs[index].id = Self.firstRunID + Int64(index)
        }
        let requested = runs.indices
            .compactMap { index in runs[index].approval.map { (at: $0.requestedAt, index: index) } }
            .sorted { ($0.at, $0.index) < ($1.at, $1.index) }
        for (order, item) in requested.enumerated() {
            runs[item.index].approval?.id = Self.firstApprovalID + Int64(order)
        }
        for index in runs.indices {
            guard let approval = runs[index].approval, approval.state == .rejected || approval.state == .expired else {
                continue
            }
            runs[index].endReason = "\(ApprovalID(rawValue: approval.id)) \(approval.state.rawValue)"
        }
    }

    // MARK: - Drawing helpers

    /// A time in `range` milliseconds.
    mutating func millis(_ range: ClosedRange<Int64>) -> Int64 {
        Int64(random.nextInt(in: Int(range.lowerBound)...Int(range.upperBound)))
    }

    mutating func pickProject() -> DemoProject {
        random.pick(DemoCatalogue.projects) { $0.workWeight }
    }

    func agent(_ id: String) -> DemoAgent {
        DemoCatalogue.agent(id) ?? DemoCatalogue.agents[0]
    }

    mutating func pickAgent(of project: DemoProject) -> DemoAgent {
        agent(random.pick(project.agents))
    }

    /// One of the agent's pools, its usual one three times as likely as each other.
    mutating func pickPool(of agent: DemoAgent) -> Pool {
        let weighted = agent.pools.enumerated().map { (id: $0.element, weight: $0.offset == 0 ? 3 : 1) }
        let id = random.pick(weighted) { $0.weight }.id
        return DemoCatalogue.pool(id) ?? DemoCatalogue.pools[0]
    }

    /// What a run of `agent` asks for on `pool`: GPUs only where there are some, cores in proportion. With `large`,
    /// bigger sizes are likelier (the long runs that hold the nodes now and fill the queue).
    mutating func shape(of agent: DemoAgent, on pool: Pool, large: Bool = false) -> (gpus: Int, cpus: Int) {
        let nodes = DemoCatalogue.nodes.filter { $0.pool == pool.id }
        let smallestCores = nodes.map(\.cores).min() ?? 16
        switch pool.kind {
        case .gpu:
            let gpus = random.pick(agent.gpuChoices.isEmpty ? [1] : agent.gpuChoices) { large ? $0 * $0 : 1 }
            let perGPU = nodes.first.map { $0.gpuCount > 0 ? $0.cores / $0.gpuCount : 8 } ?? 8
            return (gpus, gpus * perGPU)
        case .cpu:
            return (0, random.pick([4, 8, 16, 32, 64, 96, 128].filter { $0 <= smallestCores }) { large ? $0 : 8 })
        case .edge:
            let gpus = !agent.gpuChoices.isEmpty && pool.gpuCapacity > 0 && random.chance(0.35) ? 1 : 0
            return (gpus, random.pick([2, 4, 8]) { large ? $0 : 1 })
        }
    }

    /// How long a run takes: training on full GPU nodes for hours, inference and CPU work for minutes.
    mutating func duration(on pool: Pool, gpus: Int) -> Int64 {
        switch pool.kind {
        case .gpu where gpus >= 8: millis(2 * Millis.hour...14 * Millis.hour)
        case .gpu: millis(10 * Millis.minute...5 * Millis.hour)
        case .cpu: millis(3 * Millis.minute...2 * Millis.hour)
        case .edge: millis(Millis.minute...40 * Millis.minute)
        }
    }

    /// How long a run waited in the queue: mostly little, sometimes a while.
    mutating func queueWait() -> Int64 {
        min(millis(20 * Millis.second...25 * Millis.minute), millis(20 * Millis.second...25 * Millis.minute))
    }

    /// Who submits a run: mostly its agent, sometimes the project's supervisor or the operator on duty.
    mutating func submitter(of project: DemoProject, agent: DemoAgent, at time: Int64) -> String {
        let roll = random.nextDouble()
        if roll < 0.75 { return agent.id }
        if roll < 0.9 { return project.supervisor }
        return onDuty(at: time)
    }

    /// The operator on call at `time`: `ops-relais` at weekends, `ops-jour` 08:00–20:00 UTC, else `ops-nuit`.
    func onDuty(at time: Int64) -> String {
        let days = Millis.dayStart(time) / Millis.day
        let weekday = ((days + 4) % 7 + 7) % 7  // 1970-01-01 was a Thursday; 0 = Sunday
        if weekday == 0 || weekday == 6 { return "ops-relais" }
        let hour = (time - Millis.dayStart(time)) / Millis.hour
        return (8..<20).contains(hour) ? "ops-jour" : "ops-nuit"
    }

    mutating func priority() -> RunPriority {
        random.pick(RunPriority.allCases) { priority in
            switch priority {
            case .low: 15
            case .normal: 55
            case .high: 22
            case .urgent: 8
            }
        }
    }

    mutating func fill(_ template: String) -> String {
        DemoTemplate.fill(template, using: &random)
    }

    /// `template` with `{node}`, `{from}` and `{to}` replaced, then its other placeholders filled.
    mutating func fill(_ template: String, node: String, from: String = "", to: String = "") -> String {
        fill(
            template.replacingOccurrences(of: "{node}", with: node).replacingOccurrences(of: "{from}", with: from)
                .replacingOccurrences(of: "{to}", with: to)
        )
    }

    /// A node of `pool`, for messages.
    mutating func someNode(of pool: String) -> String {
        random.pick(DemoCatalogue.nodes.filter { $0.pool == pool }).name
    }

    /// A new run of `project` by `agent` on `pool`, not yet timed.
    mutating func draft(
        _ project: DemoProject, _ agent: DemoAgent, on pool: Pool, state: RunState, large: Bool = false
    ) -> PlannedRun {
        let (gpus, cpus) = shape(of: agent, on: pool, large: large)
        return PlannedRun(
            agent: agent.id, title: fill(random.pick(project.runTitles)), projectID: project.id.rawValue, state: state,
            priority: priority(), poolID: pool.id, gpus: gpus, cpus: cpus, submittedBy: agent.id, submittedAt: 0
        )
    }
}
