import FactoryModel

/// Runs without a request for approval: the work on the nodes now, the queue, and the last three days' history.
extension DemoPlanner {
    /// The work on the nodes now: each pool filled to a plausible share of its capacity (GPU pools nearly full,
    /// CPU and edge pools less), never beyond what a node has. A few of these runs an operator asked to cancel or
    /// to move.
    mutating func planActiveWork() {
        for pool in DemoCatalogue.pools {
            fill(pool)
        }
        let placed = runs.indices.filter { runs[$0].state == .running }
        let picked = random.shuffled(placed)
        let cancels = random.nextInt(in: 3...5)
        for index in picked.prefix(cancels) {
            let startedAt = runs[index].startedAt ?? now - Millis.hour
            let at = max(startedAt + 30 * Millis.second, now - millis(20 * Millis.second...6 * Millis.minute))
            runs[index].state = .cancelRequested
            runs[index].cancel = PlannedRequest(by: onDuty(at: at), reason: cancelReason(for: runs[index]), at: at)
            runs[index].version += 1
        }
        for index in picked.dropFirst(cancels).prefix(random.nextInt(in: 2...4)) {
            guard let target = rerouteTarget(for: runs[index]) else { continue }
            let run = runs[index]
            let startedAt = run.startedAt ?? now - Millis.hour
            let at = max(startedAt + 30 * Millis.second, now - millis(20 * Millis.second...5 * Millis.minute))
            let reason = fill(random.pick(DemoWords.rerouteReasons), node: run.node ?? "", from: run.poolID, to: target)
            runs[index].state = .rerouteRequested
            runs[index].reroute = PlannedRequest(by: onDuty(at: at), reason: reason, at: at)
            runs[index].rerouteTo = target
            runs[index].version += 1
        }
    }

    /// Places running runs on `pool` until its GPUs (or, without GPUs, its cores) are taken up to a target share.
    private mutating func fill(_ pool: Pool) {
        let share: Double
        switch pool.kind {
        case .gpu: share = random.nextDouble(in: 0.72...0.88)
        case .cpu: share = random.nextDouble(in: 0.25...0.4)
        case .edge: share = random.nextDouble(in: 0.1...0.18)
        }
        let byGPU = pool.kind == .gpu
        let target = Int(share * Double(byGPU ? pool.gpuCapacity : pool.cpuCapacity))
        let agents = DemoCatalogue.agents.filter { $0.pools.contains(pool.id) }
        guard !agents.isEmpty else { return }
        var used = 0
        var misses = 0
        while used < target && misses < 8 {
            // Long training runs on whole nodes hold most GPUs: agents with big runs are likelier there.
            let agent = random.pick(agents) { byGPU ? ($0.gpuChoices.max() ?? 1) * ($0.gpuChoices.max() ?? 1) : 1 }
            let projects = DemoCatalogue.projects.filter { $0.agents.contains(agent.id) }
            guard !projects.isEmpty else { return }
            var run = draft(random.pick(projects) { $0.workWeight }, agent, on: pool, state: .running, large: true)
            guard let node = allocator.place(pool: pool.id, gpus: run.gpus, cpus: run.cpus, random: &random) else {
                misses += 1
                continue
            }
            run.node = node
            timeRunning(&run)
            runs.append(run)
            used += byGPU ? run.gpus : run.cpus
        }
    }

    /// The queue: runs submitted in the last hour, two of them moved to another pool while they waited.
    mutating func planQueue() {
        let count = random.nextInt(in: 56...64)
        for index in 0..<count {
            let project = pickProject()
            let agent = pickAgent(of: project)
            let pool = pickPool(of: agent)
            var run = draft(project, agent, on: pool, state: .queued, large: true)
            // GPU pools are nearly full, so work waits there; elsewhere it starts within minutes.
            run.submittedAt = now - (pool.kind == .gpu
                ? millis(30 * Millis.second...62 * Millis.minute) : millis(10 * Millis.second...4 * Millis.minute))
            run.submittedBy = submitter(of: project, agent: agent, at: run.submittedAt)
            if index < 2, now - run.submittedAt > 2 * Millis.minute, let target = rerouteTarget(for: run) {
                let at = run.submittedAt + millis(Millis.minute...(now - run.submittedAt - Millis.minute))
                let reason = fill(random.pick(DemoWords.queuedRerouteReasons), node: "", from: run.poolID, to: target)
                run.reroute = PlannedRequest(by: onDuty(at: at), reason: reason, at: at)
                run.reroutedFrom = run.poolID
                run.poolID = target
                run.version += 1
            }
            runs.append(run)
        }
    }

    /// The last three days: runs that succeeded, failed (some in the last hour) or were cancelled by an operator.
    mutating func planHistory() {
        for _ in 0..<random.nextInt(in: 172...186) {
            runs.append(ended(.succeeded, at: now - millis(2 * Millis.minute...72 * Millis.hour)))
        }
        for _ in 0..<random.nextInt(in: 36...44) {
            runs.append(ended(.failed, at: now - millis(61 * Millis.minute...72 * Millis.hour)))
        }
        for _ in 0..<random.nextInt(in: 6...10) {
            runs.append(ended(.failed, at: now - millis(Millis.minute...58 * Millis.minute)))
        }
        for _ in 0..<random.nextInt(in: 6...9) {
            runs.append(cancelledWhileQueued())
        }
        for _ in 0..<random.nextInt(in: 3...5) {
            runs.append(cancelledWhileRunning())
        }
    }

    // MARK: - Pieces

    /// Sets the times of a run that is on its node now.
    mutating func timeRunning(_ run: inout PlannedRun) {
        let elapsed: Int64
        switch DemoCatalogue.pool(run.poolID)?.kind ?? .cpu {
        case .gpu where run.gpus >= 8: elapsed = millis(20 * Millis.minute...10 * Millis.hour)
        case .gpu: elapsed = millis(2 * Millis.minute...4 * Millis.hour)
        case .cpu: elapsed = millis(Millis.minute...90 * Millis.minute)
        case .edge: elapsed = millis(Millis.minute...30 * Millis.minute)
        }
        run.startedAt = now - elapsed
        run.submittedAt = now - elapsed - queueWait()
        run.version = 2
        if let project = DemoCatalogue.project(ProjectID(rawValue: run.projectID)) {
            run.submittedBy = submitter(of: project, agent: agent(run.agent), at: run.submittedAt)
        }
    }

    /// A run that ran and ended as `state` at `end`.
    mutating func ended(_ state: RunState, at end: Int64) -> PlannedRun {
        let project = pickProject()
        let agent = pickAgent(of: project)
        let pool = pickPool(of: agent)
        var run = draft(project, agent, on: pool, state: state)
        let startedAt = end - duration(on: pool, gpus: run.gpus)
        run.endedAt = end
        run.startedAt = startedAt
        run.submittedAt = startedAt - queueWait()
        run.submittedBy = submitter(of: project, agent: agent, at: run.submittedAt)
        run.version = 3
        if state == .failed {
            let reasons = pool.kind == .edge ? DemoWords.failures + DemoWords.edgeFailures : DemoWords.failures
            run.endReason = fill(random.pick(reasons), node: someNode(of: pool.id))
        }
        return run
    }

    /// A queued run an operator cancelled before it started.
    mutating func cancelledWhileQueued() -> PlannedRun {
        let project = pickProject()
        let agent = pickAgent(of: project)
        var run = draft(project, agent, on: pickPool(of: agent), state: .cancelled)
        let end = now - millis(10 * Millis.minute...72 * Millis.hour)
        run.submittedAt = end - millis(2 * Millis.minute...50 * Millis.minute)
        run.submittedBy = submitter(of: project, agent: agent, at: run.submittedAt)
        let by = onDuty(at: end)
        run.cancel = PlannedRequest(by: by, reason: cancelReason(for: run), at: end)
        run.endedAt = end
        run.endReason = "cancelled by \(by)"
        run.version = 2
        return run
    }

    /// A running run an operator cancelled; the runtime confirmed it stopped a little later.
    mutating func cancelledWhileRunning() -> PlannedRun {
        let project = pickProject()
        let agent = pickAgent(of: project)
        var run = draft(project, agent, on: pickPool(of: agent), state: .cancelled)
        let end = now - millis(10 * Millis.minute...72 * Millis.hour)
        let requestedAt = end - millis(5 * Millis.second...90 * Millis.second)
        let startedAt = requestedAt - millis(5 * Millis.minute...3 * Millis.hour)
        run.startedAt = startedAt
        run.submittedAt = startedAt - queueWait()
        run.submittedBy = submitter(of: project, agent: agent, at: run.submittedAt)
        let by = onDuty(at: requestedAt)
        run.cancel = PlannedRequest(by: by, reason: cancelReason(for: run), at: requestedAt)
        run.endedAt = end
        run.endReason = "cancelled by \(by)"
        run.version = 4
        return run
    }

    mutating func cancelReason(for run: PlannedRun) -> String {
        let reasons = run.gpus > 0 ? DemoWords.cancelReasons : DemoWords.cancelReasons.filter { !$0.contains("GPU") }
        return fill(random.pick(reasons), node: run.node ?? "", from: run.poolID)
    }

    /// Another pool of the same kind that can take the run, or nil.
    mutating func rerouteTarget(for run: PlannedRun) -> String? {
        guard let kind = DemoCatalogue.pool(run.poolID)?.kind else { return nil }
        let candidates = DemoCatalogue.pools.filter {
            $0.kind == kind && $0.id != run.poolID && $0.fits(gpus: run.gpus, cpus: run.cpus)
        }
        return candidates.isEmpty ? nil : random.pick(candidates).id
    }
}
