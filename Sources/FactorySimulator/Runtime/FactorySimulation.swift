import Foundation
import FactoryModel
import FactoryStore
import NodeRegistry

/// The demo factory's runtime, headless: it submits agent runs, starts them where a pool has room, finishes or
/// fails them, pauses some to ask a human, acts on the humans' decisions, confirms operators' cancels and
/// reroutes, expires overdue approvals, and models the nodes' utilisation for the registry.
///
/// Every change goes through ``FactoryStore/RuntimeService`` (the state machine and compare-and-set), never
/// around it. A change that loses a race with an operator is skipped and looked at again at the next step.
///
/// Time is explicit: nothing happens until ``step(to:)`` or ``advance(by:)`` is called, and every change carries
/// the simulated time (``clock``). With the same store, seed, start and steps, the simulation writes exactly the
/// same rows, so tests can fast-forward hours in seconds and compare.
///
/// Not thread-safe: one thread (the live loop, or a test) owns it.
///
/// ## Topics
/// ### Moving time
/// - ``step(to:)``
/// - ``advance(by:)``
/// ### What it shows
/// - ``nodeSamples``
/// - ``registryDocument``
/// - ``totals``
public final class FactorySimulation {
    /// The store it plays the runtime on.
    public let store: any JobStore
    /// The seed of every random draw.
    public let seed: UInt64
    /// Rates and delays.
    public let settings: SimulationSettings
    /// The simulated present, which the runtime's writes carry; give it to an `ActionGate` to act at the same time.
    public let clock: VirtualClock
    /// When the simulation started.
    public let start: Date
    /// How many events of each kind happened so far.
    public private(set) var totals: [SimulationEvent.Kind: Int] = [:]

    let runtime: RuntimeService
    var random: SeededRandom
    var plans: [RunID: RunPlan] = [:]
    var nextSubmissionAt: Date
    var outages: EdgeOutages
    var nodes: SimulatedNodes
    var events: [SimulationEvent] = []
    var opened = false
    var lastTopUp: Date?
    /// The catalogue's nodes by pool, in catalogue order.
    let nodesByPool: [String: [DemoNode]]
    /// The catalogue's nodes by name.
    let nodesByName: [String: DemoNode]

    /// The states of runs the runtime still has work to do with.
    static let activeStates: Set<RunState> = [.queued, .running, .awaitingApproval, .cancelRequested, .rerouteRequested]

    /// Creates a simulation on `store` (a demo factory: see ``checkDemoStore(_:)``) starting at `start`.
    /// Nothing is read or written until the first step.
    public init(store: any JobStore, seed: UInt64, start: Date, settings: SimulationSettings = SimulationSettings()) {
        self.store = store
        self.seed = seed
        self.settings = settings
        self.start = start
        clock = VirtualClock(start)
        runtime = RuntimeService(store: store, clock: clock, actor: .runtime)
        random = SeededRandom(seed: seed ^ 0x0F05_1011_AC70_2F)
        nextSubmissionAt = start
        let edgeSites = DemoCatalogue.nodes.filter { $0.kind == .edge }.map(\.site)
        var seen = Set<String>()
        outages = EdgeOutages(
            sites: edgeSites.filter { seen.insert($0).inserted }, start: start, seed: seed, settings: settings
        )
        nodes = SimulatedNodes(seed: seed, start: start)
        nodesByPool = Dictionary(grouping: DemoCatalogue.nodes, by: \.pool)
        nodesByName = Dictionary(DemoCatalogue.nodes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The simulated present.
    public var now: Date { clock.now() }

    /// The nodes as the registry reports them now, in catalogue order.
    public var nodeSamples: [NodeSample] { nodes.samples }

    /// The registry's answer to `GET /v1/nodes` now.
    public var registryDocument: FusionRegistryJSON.Document {
        FusionRegistryJSON.Document(generatedAt: now, nodes: nodes.samples)
    }

    /// Refuses a store that is not a demo factory (its pools are not the demo's), so the simulator never plays
    /// the runtime on a real factory's store.
    public static func checkDemoStore(_ store: any JobStore) throws(SimulatorError) {
        let pools: [Pool]
        do {
            pools = try store.pools()
        } catch {
            throw SimulatorError(.store, "Cannot read the pools of \(store.location): \(error.message)")
        }
        let expected = Set(DemoCatalogue.pools.map(\.id))
        guard Set(pools.map(\.id)) == expected else {
            throw SimulatorError(
                .notADemoStore,
                "\(store.location) is not a demo factory (its pools are not the demo's), so the simulator will not play "
                    + "its runtime. Give a demo store with --store (a new path is created with the demo data)."
            )
        }
    }

    /// Moves the simulation to `time`, in steps of at most ``SimulationSettings/maxStep`` seconds, and returns what
    /// happened. The first call also looks at the store as it is at ``start``. A time in the past does nothing.
    @discardableResult
    public func step(to time: Date) throws(SimulatorError) -> [SimulationEvent] {
        events = []
        if !opened {
            try tick(at: start)
            opened = true
        }
        var current = now
        while current < time {
            current = min(time, current.addingTimeInterval(max(0.01, settings.maxStep)))
            try tick(at: current)
        }
        return events
    }

    /// Moves the simulation `seconds` forward (see ``step(to:)``).
    @discardableResult
    public func advance(by seconds: TimeInterval) throws(SimulatorError) -> [SimulationEvent] {
        try step(to: now.addingTimeInterval(seconds))
    }

    // MARK: - One step

    /// Everything the runtime does at `time`: outages, expiries, each active run, the scheduler, new work, nodes.
    func tick(at time: Date) throws(SimulatorError) {
        clock.set(time)
        let opening = !opened
        moveOutages(to: time)
        let pending = try read { () throws(StoreError) in try store.approvals(ApprovalQuery(states: [.pending], limit: 100_000)) }
        if pending.contains(where: { $0.dueAt <= time }) {
            expireOverdue(at: time)
        }
        let runs = try read { () throws(StoreError) in
            try store.runs(RunQuery(states: Self.activeStates, sort: .id, descending: false, limit: 1_000_000))
        }
        let waitingOnHuman = Set(pending.filter { $0.dueAt > time }.map(\.runID))
        let paused = try read { () throws(StoreError) in try store.pausedPoolIDs() }
        refreshPlans(for: runs, at: time, opening: opening)
        if opening && settings.stagedOpening {
            stageOpening(runs, at: time)
        }
        topUpApprovals(runs, pending: waitingOnHuman.count, at: time)
        var ledger = NodeLedger(runs: runs)
        var ready: [Run] = []
        for run in runs {
            switch run.state {
            case .queued:
                if let readyAt = plans[run.id]?.readyAt, readyAt <= time, !paused.contains(run.poolID) { ready.append(run) }
            case .running:
                handleRunning(run, at: time, ledger: &ledger)
            case .awaitingApproval:
                handleAwaiting(run, waitingOnHuman: waitingOnHuman.contains(run.id), at: time, ledger: &ledger)
            case .cancelRequested, .rerouteRequested:
                handleRequest(run, at: time, ledger: &ledger)
            case .succeeded, .failed, .cancelled:
                continue
            }
        }
        let started = schedule(ready, at: time, ledger: &ledger)
        var queued: [String: Int] = [:]
        for run in runs where run.state == .queued { queued[run.poolID, default: 0] += 1 }
        for id in started { if let run = runs.first(where: { $0.id == id }) { queued[run.poolID, default: 0] -= 1 } }
        submit(at: time, queued: queued, opening: opening)
        nodes.sample(
            at: time, ledger: ledger, downSites: outages.current.map { [$0.site] } ?? [], downSince: outages.current?.from
        )
    }

    /// Makes a plan for every active run that has none for its current state; forgets runs no longer active.
    private func refreshPlans(for runs: [Run], at time: Date, opening: Bool) {
        let active = Set(runs.map(\.id))
        plans = plans.filter { active.contains($0.key) }
        for run in runs where plans[run.id]?.state != run.state {
            plans[run.id] = newPlan(for: run, previous: plans[run.id], at: time, opening: opening)
        }
    }

    /// A plan for `run` in its current state, first seen at `time`.
    private func newPlan(for run: Run, previous: RunPlan?, at time: Date, opening: Bool) -> RunPlan {
        var plan = RunPlan(state: run.state, since: time)
        plan.asked = previous?.asked ?? false
        plan.remaining = previous?.remaining
        switch run.state {
        case .queued:
            let delay = opening ? 2...40 : settings.schedulingDelay
            plan.readyAt = time.addingTimeInterval(random.nextDouble(in: delay))
        case .running:
            // Found running: some of its work is done already.
            let length = WorkloadDraft.duration(kind: kind(ofPool: run.poolID), gpus: run.gpus, random: &random)
            let left = previous?.remaining ?? length * random.nextDouble(in: 0.03...1)
            plan.endAt = time.addingTimeInterval(max(5, left))
            plan.succeeds = !random.chance(settings.failureShare)
            if !plan.asked, ApprovalDraft.canAsk(project: run.projectID), random.chance(settings.approvalShareAtStart) {
                plan.askAt = time.addingTimeInterval(left * random.nextDouble(in: 0.1...0.7))
            }
        case .awaitingApproval:
            plan.asked = true
        case .cancelRequested, .rerouteRequested:
            plan.actAt = time.addingTimeInterval(random.nextDouble(in: settings.acknowledgeDelay))
        case .succeeded, .failed, .cancelled:
            break
        }
        return plan
    }

    /// The plan of a run this simulation has just started (or resumed) at `time`.
    func runningPlan(for run: Run, at time: Date, asked: Bool, remaining: Double?) -> RunPlan {
        var plan = RunPlan(state: .running, since: time)
        let length = remaining ?? WorkloadDraft.duration(kind: kind(ofPool: run.poolID), gpus: run.gpus, random: &random)
        plan.endAt = time.addingTimeInterval(max(20, length))
        plan.succeeds = !random.chance(settings.failureShare)
        plan.asked = asked
        if !asked, ApprovalDraft.canAsk(project: run.projectID), random.chance(settings.approvalShare) {
            plan.askAt = time.addingTimeInterval(length * random.nextDouble(in: 0.15...0.6))
        }
        return plan
    }

    // MARK: - Helpers

    /// The kind of a pool of the catalogue (CPU when unknown).
    func kind(ofPool id: String) -> ResourceKind {
        DemoCatalogue.pool(id)?.kind ?? .cpu
    }

    /// Records an event.
    func note(_ kind: SimulationEvent.Kind, _ subject: String, _ detail: String, at time: Date) {
        events.append(SimulationEvent(at: time, kind: kind, subject: subject, detail: detail))
        totals[kind, default: 0] += 1
    }

    /// Runs one runtime change. A lost race (conflict, or the run vanished) is noted and skipped: the next step
    /// looks again. Returns whether the change was made.
    @discardableResult
    func attempt(_ subject: String, at time: Date, _ change: () throws(ActionError) -> Void) -> Bool {
        do {
            try change()
            return true
        } catch {
            note(.conflict, subject, error.message, at: time)
            return false
        }
    }

    /// Reads from the store, turning its failure into the simulator's.
    func read<T>(_ body: () throws(StoreError) -> T) throws(SimulatorError) -> T {
        do {
            return try body()
        } catch {
            throw SimulatorError(.store, "The simulator cannot read \(store.location): \(error.message)")
        }
    }

    private func expireOverdue(at time: Date) {
        var expired: [ApprovalID] = []
        attempt("approvals", at: time) { () throws(ActionError) in expired = try runtime.expireOverdue() }
        for id in expired {
            note(.expired, id.description, "passed its deadline without a decision", at: time)
        }
    }
}
