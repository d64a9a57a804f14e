import FactoryModel

/// The work under way at the seed's present: the runs whose approvals wait for a human, the running work and the
/// queue. They are the latest runs, numbered after the ended history.
extension SeedPlanner {
    /// The active runs, in the order they are numbered (the queue last: it was submitted most recently). Call before
    /// drawing the ended runs: how many runs are active decides how many ended.
    mutating func planActive() -> [PlannedRun] {
        let runs = options.runs
        let pending = options.pendingApprovals
        let queued = min(runs - pending, Int((Double(runs) * 0.005).rounded()))
        let runningCap = min(runs - pending - queued, Int(Double(runs) * 0.03))
        var held: [String: Int] = [:]
        var active = (0..<pending).map { _ in awaitingRun(held: &held) }
        var running = fill(held: held, cap: runningCap)
        requestChanges(&running)
        active += running
        active = demo.random.shuffled(active)
        active += (0..<queued).map { _ in queuedRun() }
        setEnded(runs - active.count)
        for index in active.indices { time(&active[index], slot: endedCount + index) }
        return active
    }

    /// A run paused for a human's decision: on a node of its pool (one already full if need be), its approval pending.
    private mutating func awaitingRun(held: inout [String: Int]) -> PlannedRun {
        let choice = DemoPlanner.templates[Int(demo.random.nextBelow(UInt64(DemoPlanner.templates.count)))]
        let agent = demo.agent(choice.template.agent ?? choice.project.agents[0])
        let pool = demo.pickPool(of: agent)
        var run = draft(choice.project, agent, on: pool, state: .awaitingApproval)
        if run.priority < .normal { run.priority = .normal }
        if let node = allocator.place(pool: pool.id, gpus: run.gpus, cpus: run.cpus) {
            run.node = node
            held[pool.id, default: 0] += pool.kind == .gpu ? run.gpus : run.cpus
        } else {
            run.node = allocator.overcommit(pool: pool.id, random: &demo.random)
        }
        run.approval = draftApproval(choice.template, for: run, numbered: false)
        return run
    }

    /// Running work placed until each pool holds the demo's share of its capacity (GPU pools 72–88 % of their GPUs,
    /// CPU pools 25–40 % of their cores, edge pools 10–18 %), at most `cap` runs.
    private mutating func fill(held: [String: Int], cap: Int) -> [PlannedRun] {
        var result: [PlannedRun] = []
        for pool in DemoCatalogue.pools(of: nodes) {
            let share: Double
            switch pool.kind {
            case .gpu: share = demo.random.nextDouble(in: 0.72...0.88)
            case .cpu: share = demo.random.nextDouble(in: 0.25...0.4)
            case .edge: share = demo.random.nextDouble(in: 0.1...0.18)
            }
            let byGPU = pool.kind == .gpu
            let target = Int(share * Double(byGPU ? pool.gpuCapacity : pool.cpuCapacity))
            let agents = DemoCatalogue.agents.filter { $0.pools.contains(pool.id) }
            var used = held[pool.id] ?? 0
            var misses = 0
            while used < target, misses < 8, result.count < cap, !agents.isEmpty {
                let agent = demo.random.pick(agents) { byGPU ? ($0.gpuChoices.max() ?? 1) * ($0.gpuChoices.max() ?? 1) : 1 }
                let projects = DemoCatalogue.projects.filter { $0.agents.contains(agent.id) }
                guard !projects.isEmpty else { break }
                let demoPool = DemoCatalogue.pool(pool.id) ?? pool
                var run = draft(demo.random.pick(projects) { $0.workWeight }, agent, on: demoPool, state: .running,
                                     large: true)
                guard let node = allocator.place(pool: pool.id, gpus: run.gpus, cpus: run.cpus) else {
                    misses += 1
                    continue
                }
                run.node = node
                result.append(run)
                used += byGPU ? run.gpus : run.cpus
            }
        }
        return result
    }

    /// A few running runs an operator asked to cancel (0.5 %) or to move (0.3 %).
    private mutating func requestChanges(_ running: inout [PlannedRun]) {
        for index in running.indices {
            let roll = demo.random.nextDouble()
            if roll < 0.005 {
                running[index].state = .cancelRequested
            } else if roll < 0.008, let target = demo.rerouteTarget(for: running[index]) {
                running[index].state = .rerouteRequested
                running[index].rerouteTo = target
            }
        }
    }

    /// A run waiting in its pool's queue.
    private mutating func queuedRun() -> PlannedRun {
        let project = demo.pickProject()
        let agent = demo.pickAgent(of: project)
        return draft(project, agent, on: demo.pickPool(of: agent), state: .queued, large: true)
    }

    /// Gives an active run its id and times from its slot: submitted then, started after a wait in the queue, and
    /// (for the runs that asked) its request made since and its deadline ahead.
    private mutating func time(_ run: inout PlannedRun, slot: Int) {
        run.id = Self.runID(slot: slot)
        run.submittedAt = submittedAt(slot: slot)
        if let project = DemoCatalogue.project(ProjectID(rawValue: run.projectID)) {
            run.submittedBy = demo.submitter(of: project, agent: demo.agent(run.agent), at: run.submittedAt)
        }
        guard run.state != .queued else { return }
        let startedAt = past(run.submittedAt + demo.queueWait())
        run.startedAt = startedAt
        run.version = 2
        switch run.state {
        case .cancelRequested:
            let at = past(startedAt + demo.millis(0...max(0, now - startedAt)))
            run.cancel = PlannedRequest(by: demo.onDuty(at: at), reason: cancelReason(for: run), at: at)
            run.version = 3
        case .rerouteRequested:
            let at = past(startedAt + demo.millis(0...max(0, now - startedAt)))
            let reason = fill(demo.random.pick(DemoWords.rerouteReasons), node: run.node ?? "", from: run.poolID,
                                   to: run.rerouteTo ?? "")
            run.reroute = PlannedRequest(by: demo.onDuty(at: at), reason: reason, at: at)
            run.version = 3
        case .awaitingApproval:
            askedNow(&run, startedAt: startedAt)
        default:
            break
        }
    }

    /// The pending approval's request (since the run started) and deadline (ahead: sooner for higher risk), and for
    /// some of those needing two approvals, the first one already given.
    private mutating func askedNow(_ run: inout PlannedRun, startedAt: Int64) {
        guard var approval = run.approval else { return }
        let requestedAt = past(startedAt + demo.millis(0...max(0, now - startedAt)))
        approval.requestedAt = requestedAt
        switch approval.risk {
        case .high: approval.dueAt = now + demo.millis(2 * Millis.minute...6 * Millis.hour)
        case .medium: approval.dueAt = now + demo.millis(10 * Millis.minute...12 * Millis.hour)
        case .low: approval.dueAt = now + demo.millis(20 * Millis.minute...24 * Millis.hour)
        }
        if approval.requiredApprovals == 2, demo.random.chance(0.35),
           let project = DemoCatalogue.project(ProjectID(rawValue: run.projectID)),
           let first = demo.deciders(1, for: project, excluding: [run.submittedBy, approval.requestedBy]).first {
            approval.decisions = [decision(by: first, .approve, at: past(requestedAt + demo.millis(0...max(0, now - requestedAt))))]
        }
        run.version = 3
        run.approval = approval
    }
}
