import Foundation
import FactoryModel

/// Draws a large factory's rows from the demo catalogue, one run at a time, so that a million runs never sit in
/// memory: the ended history first (oldest first), then the work under way now (``planActive()``), then the audit
/// trail (``SeedPlanner/auditEntry(_:of:)``). A pure computation: the same options give the same rows.
///
/// Runs are numbered in order of submission, spread evenly over the history (about one every 7.5 s, at most a year),
/// and approvals in order of request. Most runs ended: 84 % succeeded, 11 % failed, 5 % were cancelled; 3 % of
/// them asked a human on the way (approved, rejected, expired or withdrawn). The latest runs are the ones under way:
/// the pending approvals' runs, the queue (0.5 % of the runs) and the running work (each pool filled to the demo's
/// share of its capacity, at most 3 % of the runs).
struct SeedPlanner {
    /// The demo's drawing helpers and the one random generator.
    var demo: DemoPlanner
    let options: SeedOptions
    let nodes: [DemoNode]
    var allocator: PoolAllocator
    /// The present and the start of the history, in milliseconds.
    let now: Int64
    let start: Int64
    /// Milliseconds between two submissions.
    let gap: Int64
    /// Runs that are not under way (numbered first).
    private(set) var endedCount = 0
    /// The next approval id.
    var nextApprovalID: Int64 = 1
    /// Approvals decided in the history (numbered before the pending ones).
    var decidedApprovals: Int64 = 0
    /// The catalogue's templates, parsed once.
    var templates = SeedTemplates()
    /// Each pool's node shape.
    let shapes: [String: PoolShape]

    /// Share of ended runs that asked a human on the way.
    static let approvalShare = 0.03

    init(options: SeedOptions, creator: Actor) {
        demo = DemoPlanner(seed: options.seed, now: options.now, creator: creator, existingAccounts: [creator.account])
        self.options = options
        nodes = DemoCatalogue.nodes(scaledTo: options.nodes)
        allocator = PoolAllocator(nodes: nodes)
        shapes = Self.shapes(of: nodes)
        now = options.now.epochMilliseconds
        let span = min(365 * Millis.day, max(Millis.day, Int64(options.runs) * 7_500))
        start = now - span
        gap = max(1, span / Int64(max(1, options.runs)))
    }

    /// Sets how many runs are ended (the runs before the work under way).
    mutating func setEnded(_ count: Int) { endedCount = count }

    /// When run slot `index` (0 = the oldest) was submitted: evenly spread, with some jitter, never out of order.
    mutating func submittedAt(slot index: Int) -> Int64 {
        start + Int64(index) * gap + Int64(demo.random.nextBelow(UInt64(max(1, gap * 9 / 10))))
    }

    /// The run id of slot `index`.
    static func runID(slot index: Int) -> Int64 { Int64(index) + 1 }

    /// A time no later than a second before now.
    func past(_ time: Int64) -> Int64 { min(time, now - Millis.second) }

    // MARK: - Ended runs

    /// The ended run of slot `index`, with its approval story when it asked a human.
    mutating func endedRun(slot index: Int) -> PlannedRun {
        let submitted = submittedAt(slot: index)
        var project = demo.pickProject()
        var agentID = demo.random.pick(project.agents)
        var template: DemoApprovalTemplate?
        if demo.random.chance(Self.approvalShare) {
            let asking = DemoPlanner.templates[Int(demo.random.nextBelow(UInt64(DemoPlanner.templates.count)))]
            project = asking.project
            template = asking.template
            agentID = asking.template.agent ?? asking.project.agents[0]
        }
        let agent = demo.agent(agentID)
        let pool = demo.pickPool(of: agent)
        var run = draft(project, agent, on: pool, state: .succeeded)
        run.id = Self.runID(slot: index)
        run.submittedAt = submitted
        run.submittedBy = demo.submitter(of: project, agent: agent, at: submitted)
        let startedAt = submitted + demo.queueWait()
        let length = demo.duration(on: pool, gpus: run.gpus)
        if let template {
            story(&run, template: template, project: project, startedAt: startedAt)
            return run
        }
        let roll = demo.random.nextDouble()
        run.startedAt = past(startedAt)
        run.endedAt = past(startedAt + length)
        run.version = 3
        if roll < 0.84 {
            run.state = .succeeded
        } else if roll < 0.95 {
            run.state = .failed
            let reasons = pool.kind == .edge ? DemoWords.failures + DemoWords.edgeFailures : DemoWords.failures
            run.endReason = fill(demo.random.pick(reasons), node: allocator.someNode(of: pool.id, random: &demo.random))
        } else {
            cancel(&run, startedAt: startedAt, length: length, whileQueued: roll < 0.975)
        }
        return run
    }

    /// An operator cancelled the run, while it waited or while it ran (the runtime confirmed a little later).
    private mutating func cancel(_ run: inout PlannedRun, startedAt: Int64, length: Int64, whileQueued: Bool) {
        run.state = .cancelled
        let requestedAt: Int64
        if whileQueued {
            requestedAt = past(run.submittedAt + demo.millis(2 * Millis.minute...50 * Millis.minute))
            run.startedAt = nil
            run.endedAt = requestedAt
            run.version = 2
        } else {
            requestedAt = past(startedAt + length / 2)
            run.startedAt = past(startedAt)
            run.endedAt = past(requestedAt + demo.millis(5 * Millis.second...90 * Millis.second))
            run.version = 4
        }
        let by = demo.onDuty(at: requestedAt)
        run.cancel = PlannedRequest(by: by, reason: cancelReason(for: run), at: requestedAt)
        run.endReason = "cancelled by \(by)"
    }

    /// A run that asked a human and ended: approved (then succeeded or failed), rejected, expired or withdrawn.
    private mutating func story(_ run: inout PlannedRun, template: DemoApprovalTemplate, project: DemoProject, startedAt: Int64) {
        if run.priority < .normal { run.priority = .normal }
        var approval = draftApproval(template, for: run)
        let requestedAt = startedAt + demo.millis(5 * Millis.minute...2 * Millis.hour)
        let window = demo.random.pick([30 * Millis.minute, Millis.hour, 2 * Millis.hour, 4 * Millis.hour, 6 * Millis.hour])
        approval.requestedAt = past(requestedAt)
        approval.dueAt = requestedAt + window
        let panel = demo.deciders(2, for: project, excluding: [run.submittedBy, approval.requestedBy])
        let roll = demo.random.nextDouble()
        var last = requestedAt
        var end: Int64
        if roll < 0.6 {
            for by in panel.prefix(approval.requiredApprovals) {
                last += demo.millis(2 * Millis.minute...25 * Millis.minute)
                approval.decisions.append(decision(by: by, .approve, at: last))
            }
            approval.state = .approved
            approval.resumedAt = last + demo.millis(2 * Millis.second...25 * Millis.second)
            end = (approval.resumedAt ?? last) + demo.millis(5 * Millis.minute...3 * Millis.hour)
            run.state = demo.random.chance(0.85) ? .succeeded : .failed
            if run.state == .failed {
                run.endReason = fill(demo.random.pick(DemoWords.failures),
                                          node: allocator.someNode(of: run.poolID, random: &demo.random))
            }
            run.version = 5
        } else if roll < 0.8 {
            last += demo.millis(3 * Millis.minute...25 * Millis.minute)
            approval.decisions.append(decision(by: panel.first ?? "sup-national", .reject, at: last,
                                               reason: demo.random.pick(DemoWords.rejectReasons)))
            approval.state = .rejected
            end = last + demo.millis(Millis.second...8 * Millis.second)
            run.state = .cancelled
            run.endReason = "\(ApprovalID(rawValue: approval.id)) rejected"
            run.version = 4
        } else if roll < 0.92 {
            approval.state = .expired
            last = approval.dueAt
            end = last + demo.millis(Millis.second...32 * Millis.second)
            run.state = .cancelled
            run.endReason = "\(ApprovalID(rawValue: approval.id)) expired"
            run.version = 4
        } else {
            end = requestedAt + demo.millis(3 * Millis.minute...(window - 2 * Millis.minute))
            last = end
            approval.state = .withdrawn
            let by = demo.onDuty(at: end)
            run.cancel = PlannedRequest(by: by, reason: demo.random.pick(DemoWords.withdrawReasons), at: past(end))
            run.state = .cancelled
            run.endReason = "cancelled by \(by)"
            run.version = 4
        }
        approval.decidedAt = past(last)
        approval.dueAt = max(approval.dueAt, last + 10 * Millis.minute)
        approval.decisions = approval.decisions.map { var moved = $0; moved.at = past(moved.at); return moved }
        approval.resumedAt = approval.resumedAt.map(past)
        run.startedAt = past(startedAt)
        run.endedAt = past(end)
        run.approval = approval
    }

    /// The approval `template` asks about `run`, pending until decided; numbered next unless `numbered` is false
    /// (the pending ones are numbered when written, after the history's).
    mutating func draftApproval(_ template: DemoApprovalTemplate, for run: PlannedRun, numbered: Bool = true) -> PlannedApproval {
        let requester = run.submittedBy != run.agent && demo.random.chance(0.3) ? run.submittedBy : run.agent
        let approval = PlannedApproval(
            id: numbered ? nextApprovalID : 0, subject: fill(template.subject), proposedAction: fill(template.proposedAction),
            rationale: fill(template.rationale), risk: template.risk,
            requiredApprovals: template.risk.defaultRequiredApprovals, requestedBy: requester, requestedAt: 0, dueAt: 0,
            state: .pending
        )
        if numbered { nextApprovalID += 1 }
        return approval
    }

    /// A supervisor's decision, with a reason now and then.
    mutating func decision(by account: String, _ verdict: Verdict, at: Int64, reason: String? = nil) -> PlannedDecision {
        PlannedDecision(by: account, verdict: verdict, reason: reason ?? demo.random.pick(DemoWords.approveReasons), at: at)
    }
}
