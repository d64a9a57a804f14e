import FactoryModel

/// Runs that asked a human: the approvals waiting now, and those decided, expired or withdrawn in the last days.
extension DemoPlanner {
    /// How a request for approval turned out, and so what became of its run.
    enum ApprovalOutcome: CaseIterable {
        case pending
        case approvedThenRunning
        case approvedThenSucceeded
        case approvedThenFailed
        case rejected
        case expired
        case withdrawn
    }

    /// A template with its project.
    struct TemplateChoice {
        let project: DemoProject
        let template: DemoApprovalTemplate
    }

    /// Every approval template of the catalogue, in catalogue order.
    static let templates: [TemplateChoice] = DemoCatalogue.projects.flatMap { project in
        project.approvals.map { TemplateChoice(project: project, template: $0) }
    }

    /// The first template of project `id`'s with `risk`, or any template of that risk.
    static func template(project id: Int64, risk: Risk) -> TemplateChoice? {
        templates.first { $0.project.id.rawValue == id && $0.template.risk == risk }
            ?? templates.first { $0.template.risk == risk }
    }

    /// About twenty approvals waiting for a human, of every risk, due from a few minutes to a few hours from now.
    ///
    /// The first few are set so the demo tells its story at once: a high-risk water allocation due within minutes,
    /// submitted by `sup-eau` (who may therefore not decide it) and already approved once by another supervisor; a
    /// medium-risk sorting of social-registry files; a low-risk batch of translations into Tifinagh.
    mutating func planPendingApprovals() {
        let count = random.nextInt(in: 18...22)
        var highSeen = 0
        for slot in 0..<count {
            let choice: TemplateChoice?
            let due: Int64
            var supervisorSubmits = random.chance(0.2)
            switch slot {
            case 0:
                choice = Self.template(project: 8, risk: .high)
                due = now + millis(3 * Millis.minute...5 * Millis.minute)
                supervisorSubmits = true
            case 1:
                choice = Self.template(project: 16, risk: .medium)
                due = now + millis(15 * Millis.minute...20 * Millis.minute)
            case 2:
                choice = Self.template(project: 3, risk: .low)
                due = now + millis(90 * Millis.minute...2 * Millis.hour)
            case 3:
                choice = random.pick(Self.templates)
                due = now + millis(6 * Millis.minute...9 * Millis.minute)
            default:
                choice = random.pick(Self.templates)
                due = now + millis(12 * Millis.minute...270 * Millis.minute)
            }
            guard let choice else { continue }
            let isHigh = choice.template.risk == .high
            // Slot 0 and the next high-risk one already hold one of their two approvals; others by chance.
            let oneOfTwo = isHigh && (slot == 0 || highSeen == 1 || random.chance(0.35))
            if isHigh { highSeen += 1 }
            if var run = pendingRun(
                choice, due: due, supervisorSubmits: supervisorSubmits, oneOfTwo: oneOfTwo, recordDenial: slot == 0
            ) {
                if slot == 0 || (slot > 3 && random.chance(0.1)) {
                    addOperatorDenial(to: &run)
                }
                runs.append(run)
            }
        }
    }

    /// Approvals of the last three days in every final state, with the runs they ended or resumed.
    mutating func planDecidedApprovals() {
        let quotas: [(ApprovalOutcome, ClosedRange<Int>)] = [
            (.approvedThenRunning, 3...3), (.approvedThenSucceeded, 14...18), (.approvedThenFailed, 2...2),
            (.rejected, 7...9), (.expired, 3...5), (.withdrawn, 2...3),
        ]
        for (outcome, range) in quotas {
            for _ in 0..<random.nextInt(in: range) {
                if let run = decidedRun(random.pick(Self.templates), outcome: outcome) { runs.append(run) }
            }
        }
    }

    // MARK: - Pending

    private mutating func pendingRun(
        _ choice: TemplateChoice, due: Int64, supervisorSubmits: Bool, oneOfTwo: Bool, recordDenial: Bool
    ) -> PlannedRun? {
        var (run, approval) = approvalDraft(choice, state: .awaitingApproval)
        var requestedAt = now - millis(2 * Millis.minute...100 * Millis.minute)
        if due - requestedAt < 20 * Millis.minute { requestedAt = due - 30 * Millis.minute }
        let startedAt = requestedAt - millis(3 * Millis.minute...3 * Millis.hour)
        run.startedAt = startedAt
        run.submittedAt = startedAt - queueWait()
        run.submittedBy = supervisorSubmits
            ? choice.project.supervisor : submitter(of: choice.project, agent: agent(run.agent), at: run.submittedAt)
        run.version = 3
        approval.requestedBy = requester(of: run)
        approval.requestedAt = requestedAt
        approval.dueAt = due
        if oneOfTwo, let first = deciders(1, for: choice.project, excluding: [run.submittedBy, approval.requestedBy]).first {
            let at = requestedAt + millis(Millis.minute...(now - requestedAt - 30 * Millis.second))
            approval.decisions = [approve(by: first, at: at)]
        }
        if DemoCatalogue.supervisors.contains(run.submittedBy) && (recordDenial || random.chance(0.25)) {
            // The submitter tried to decide it and the four-eyes rule refused.
            let at = requestedAt + millis(20 * Millis.second...(now - requestedAt - 10 * Millis.second))
            approval.denials.append(PlannedDenial(by: run.submittedBy, kind: .fourEyes, at: at))
        }
        run.approval = approval
        return run
    }

    /// The operator on duty tried to approve and was refused: approving needs a supervisor.
    private mutating func addOperatorDenial(to run: inout PlannedRun) {
        guard let requestedAt = run.approval?.requestedAt else { return }
        let at = requestedAt + millis(10 * Millis.second...(now - requestedAt - 5 * Millis.second))
        run.approval?.denials.append(PlannedDenial(by: onDuty(at: at), kind: .role(.operator), at: at))
    }

    // MARK: - Decided

    private mutating func decidedRun(_ choice: TemplateChoice, outcome: ApprovalOutcome) -> PlannedRun? {
        let finalRunState: RunState
        switch outcome {
        case .approvedThenRunning: finalRunState = .running
        case .approvedThenSucceeded: finalRunState = .succeeded
        case .approvedThenFailed: finalRunState = .failed
        case .rejected, .expired, .withdrawn: finalRunState = .cancelled
        case .pending: return nil
        }
        var (run, approval) = approvalDraft(choice, state: finalRunState)
        if outcome == .approvedThenRunning {
            guard placeOnAnyPool(&run) else { return nil }
        }
        // Times from the run's start (0), shifted into place at the end.
        let requestedAt = millis(5 * Millis.minute...2 * Millis.hour)
        let window = random.pick([30 * Millis.minute, Millis.hour, 2 * Millis.hour, 4 * Millis.hour, 6 * Millis.hour])
        run.submittedBy = submitter(of: choice.project, agent: agent(run.agent), at: now)
        approval.requestedBy = requester(of: run)
        let panel = deciders(2, for: choice.project, excluding: [run.submittedBy, approval.requestedBy])
        var decisions: [PlannedDecision] = []
        var last = requestedAt
        var end: Int64
        switch outcome {
        case .approvedThenRunning, .approvedThenSucceeded, .approvedThenFailed:
            for by in panel.prefix(approval.requiredApprovals) {
                last += millis(2 * Millis.minute...45 * Millis.minute)
                decisions.append(approve(by: by, at: last))
            }
            approval.state = .approved
            approval.decidedAt = last
            approval.dueAt = requestedAt + max(window, last - requestedAt + 10 * Millis.minute)
            let resumedAt = last + millis(2 * Millis.second...25 * Millis.second)
            approval.resumedAt = resumedAt
            end = resumedAt + (outcome == .approvedThenRunning ? 0 : millis(5 * Millis.minute...3 * Millis.hour))
            run.version = outcome == .approvedThenRunning ? 4 : 5
        case .rejected:
            if approval.requiredApprovals == 2 && random.chance(0.5), let first = panel.first {
                last += millis(2 * Millis.minute...30 * Millis.minute)
                decisions.append(approve(by: first, at: last))
            }
            let rejecter = decisions.isEmpty ? panel.first : panel.last
            last += millis(3 * Millis.minute...50 * Millis.minute)
            let reason = random.pick(DemoWords.rejectReasons)
            decisions.append(PlannedDecision(by: rejecter ?? "sup-national", verdict: .reject, reason: reason, at: last))
            approval.state = .rejected
            approval.decidedAt = last
            approval.dueAt = requestedAt + max(window, last - requestedAt + 10 * Millis.minute)
            end = last + millis(Millis.second...8 * Millis.second)
            run.version = 4
        case .expired:
            approval.dueAt = requestedAt + window
            if approval.requiredApprovals == 2 && random.chance(0.5), let first = panel.first {
                last += millis(2 * Millis.minute...(window - Millis.minute))
                decisions.append(approve(by: first, at: last))
            }
            approval.state = .expired
            approval.decidedAt = approval.dueAt
            let noticedAt = approval.dueAt + millis(Millis.second...30 * Millis.second)
            approval.expiredNoticedAt = noticedAt
            end = noticedAt + millis(0...2 * Millis.second)
            run.version = 4
        case .withdrawn, .pending:
            approval.dueAt = requestedAt + window
            end = requestedAt + millis(3 * Millis.minute...(window - 2 * Millis.minute))
            approval.state = .withdrawn
            approval.decidedAt = end
            run.version = 4
        }
        // Shift the whole story so that it ends (or resumed) at a plausible past time.
        let anchor = outcome == .approvedThenRunning
            ? now - millis(5 * Millis.minute...3 * Millis.hour)
            : now - millis(20 * Millis.minute...70 * Millis.hour)
        let shift = anchor - end
        end += shift
        run.startedAt = shift
        run.submittedAt = shift - queueWait()
        approval.requestedAt = requestedAt + shift
        approval.dueAt += shift
        approval.decidedAt = approval.decidedAt.map { $0 + shift }
        approval.resumedAt = approval.resumedAt.map { $0 + shift }
        approval.expiredNoticedAt = approval.expiredNoticedAt.map { $0 + shift }
        approval.decisions = decisions.map { decision in
            var moved = decision
            moved.at += shift
            return moved
        }
        if outcome != .approvedThenRunning { run.endedAt = end }
        if outcome == .approvedThenFailed {
            run.endReason = fill(random.pick(DemoWords.failures), node: someNode(of: run.poolID))
        }
        if outcome == .withdrawn {
            let by = onDuty(at: end)
            run.cancel = PlannedRequest(by: by, reason: random.pick(DemoWords.withdrawReasons), at: end)
            run.endReason = "cancelled by \(by)"
        }
        run.approval = approval
        return run
    }

    // MARK: - Pieces

    /// A run of the template's project by the template's agent, with its approval's texts filled in.
    private mutating func approvalDraft(_ choice: TemplateChoice, state: RunState) -> (PlannedRun, PlannedApproval) {
        let agent = agent(choice.template.agent ?? choice.project.agents[0])
        var run = draft(choice.project, agent, on: pickPool(of: agent), state: state)
        if run.priority < .normal { run.priority = .normal }
        let approval = PlannedApproval(
            subject: fill(choice.template.subject), proposedAction: fill(choice.template.proposedAction),
            rationale: fill(choice.template.rationale), risk: choice.template.risk,
            requiredApprovals: choice.template.risk.defaultRequiredApprovals, requestedBy: agent.id, requestedAt: 0,
            dueAt: 0, state: .pending
        )
        return (run, approval)
    }

    /// Places a run that resumed on a node of one of its agent's pools (resized for that pool); false when all are full.
    private mutating func placeOnAnyPool(_ run: inout PlannedRun) -> Bool {
        let agent = agent(run.agent)
        for poolID in [run.poolID] + agent.pools.filter({ $0 != run.poolID }) {
            guard let pool = DemoCatalogue.pool(poolID) else { continue }
            let (gpus, cpus) = poolID == run.poolID ? (run.gpus, run.cpus) : shape(of: agent, on: pool)
            if let node = allocator.place(pool: poolID, gpus: gpus, cpus: cpus, random: &random) {
                (run.poolID, run.gpus, run.cpus, run.node) = (poolID, gpus, cpus, node)
                return true
            }
        }
        return false
    }

    /// An approving decision by `account` at `at`, with a reason now and then.
    private mutating func approve(by account: String, at: Int64) -> PlannedDecision {
        PlannedDecision(by: account, verdict: .approve, reason: random.pick(DemoWords.approveReasons), at: at)
    }

    /// Who asks: the agent, or now and then the account that submitted the run.
    private mutating func requester(of run: PlannedRun) -> String {
        run.submittedBy != run.agent && random.chance(0.3) ? run.submittedBy : run.agent
    }

    /// Up to `count` distinct supervisors who may decide: never the submitter nor the requester; the project's own
    /// supervisor first most of the time.
    mutating func deciders(_ count: Int, for project: DemoProject, excluding excluded: [String]) -> [String] {
        var panel = [project.supervisor] + random.shuffled(DemoCatalogue.supervisors.filter { $0 != project.supervisor })
        if random.chance(0.25) { panel = random.shuffled(panel) }
        return Array(panel.filter { !excluded.contains($0) }.prefix(count))
    }
}
