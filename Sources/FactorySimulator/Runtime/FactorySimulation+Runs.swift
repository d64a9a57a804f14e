import Foundation
import FactoryModel
import FactoryStore

/// What the runtime does with runs that hold a node: finish them, pause them to ask a human, act on the
/// decision, confirm an operator's cancel or reroute.
extension FactorySimulation {
    /// A running run ends when its time is up, asks a human when its plan says so, and may fail with its edge node.
    func handleRunning(_ run: Run, at time: Date, ledger: inout NodeLedger) {
        guard var plan = plans[run.id] else { return }
        if let node = run.node, let site = nodesByName[node]?.site, let outage = outages.current, outage.site == site,
           plan.outageSeen != outage.from {
            plan.outageSeen = outage.from
            plans[run.id] = plan
            if random.chance(settings.outageFailureShare) {
                let reason = "edge link down: \(node) unreachable"
                if attempt(run.id.description, at: time, { () throws(ActionError) in
                    try runtime.finish(run.id, succeeded: false, reason: reason)
                }) {
                    ledger.release(node, gpus: run.gpus, cores: run.cpus)
                    note(.failed, run.id.description, reason, at: time)
                }
                return
            }
        }
        if let endAt = plan.endAt, endAt <= time {
            finish(run, succeeds: plan.succeeds, at: time, ledger: &ledger)
        } else if let askAt = plan.askAt, askAt <= time, !plan.asked {
            ask(run, plan: plan, at: time, ledger: &ledger)
        }
    }

    private func finish(_ run: Run, succeeds: Bool, at time: Date, ledger: inout NodeLedger) {
        let node = run.node ?? "its node"
        let reason = succeeds ? nil : WorkloadDraft.failure(node: node, kind: kind(ofPool: run.poolID), random: &random)
        guard attempt(run.id.description, at: time, { () throws(ActionError) in
            try runtime.finish(run.id, succeeded: succeeds, reason: reason)
        }) else { return }
        if let held = run.node { ledger.release(held, gpus: run.gpus, cores: run.cpus) }
        if let reason {
            note(.failed, run.id.description, reason, at: time)
        } else {
            note(.succeeded, run.id.description, "\(run.title) on \(node)", at: time)
        }
    }

    private func ask(_ run: Run, plan: RunPlan, at time: Date, ledger: inout NodeLedger) {
        var next = plan
        next.asked = true
        plans[run.id] = next
        guard let request = ApprovalDraft.request(for: run, at: time, random: &random) else { return }
        var approval: ApprovalID?
        guard attempt(run.id.description, at: time, { () throws(ActionError) in
            approval = try runtime.requestApproval(request)
        }), let approval else { return }
        var paused = RunPlan(state: .awaitingApproval, since: time)
        paused.asked = true
        paused.remaining = plan.endAt.map { max(20, $0.timeIntervalSince(time)) }
        plans[run.id] = paused
        if let node = run.node {
            ledger.release(node, gpus: run.gpus, cores: run.cpus)
            ledger.take(node, gpus: run.gpus, cores: run.cpus, paused: true)
        }
        let due = Int((request.dueAt.timeIntervalSince(time) / 60).rounded())
        note(
            .approvalRequested, approval.description,
            "\(run.id) asks a human (\(request.risk.shortLabel), due in \(due) min): \(request.subject)", at: time
        )
    }

    /// A paused run waits while its approval is pending; once it is decided, expired or withdrawn, the runtime
    /// acts on it after a short delay: resumes the run if approved, ends it otherwise.
    func handleAwaiting(_ run: Run, waitingOnHuman: Bool, at time: Date, ledger: inout NodeLedger) {
        guard var plan = plans[run.id] else { return }
        if waitingOnHuman {
            plan.actAt = nil
            plans[run.id] = plan
            return
        }
        guard let actAt = plan.actAt else {
            plan.actAt = time.addingTimeInterval(random.nextDouble(in: settings.decisionDelay))
            plans[run.id] = plan
            return
        }
        guard actAt <= time else { return }
        var outcome: RunState?
        guard attempt(run.id.description, at: time, { () throws(ActionError) in
            outcome = try runtime.actOnDecision(run.id)
        }) else { return }
        switch outcome {
        case .running?:
            if let node = run.node {
                ledger.release(node, gpus: run.gpus, cores: run.cpus, paused: true)
                ledger.take(node, gpus: run.gpus, cores: run.cpus)
            }
            plans[run.id] = runningPlan(for: run, at: time, asked: true, remaining: plan.remaining)
            note(.resumed, run.id.description, "approved; back to work on \(run.node ?? "its node")", at: time)
        case .some:
            if let node = run.node { ledger.release(node, gpus: run.gpus, cores: run.cpus, paused: true) }
            let ended = (try? store.run(run.id))?.endReason ?? "its approval was not granted"
            note(.ended, run.id.description, "ended: \(ended)", at: time)
        case nil:
            plan.actAt = nil
            plans[run.id] = plan
        }
    }

    /// Confirms an operator's cancel or reroute a few seconds after it was asked.
    func handleRequest(_ run: Run, at time: Date, ledger: inout NodeLedger) {
        guard let actAt = plans[run.id]?.actAt, actAt <= time else { return }
        if run.state == .cancelRequested {
            guard attempt(run.id.description, at: time, { () throws(ActionError) in try runtime.acknowledgeCancel(run.id) })
            else { return }
            note(.cancelAcknowledged, run.id.description, "stopped on \(run.node ?? "its node") as asked", at: time)
        } else {
            guard attempt(run.id.description, at: time, { () throws(ActionError) in try runtime.acknowledgeReroute(run.id) })
            else { return }
            note(
                .rerouteAcknowledged, run.id.description,
                "stopped on \(run.poolID), queued on \(run.rerouteTo ?? "its new pool")", at: time
            )
        }
        plans[run.id] = nil
        if let node = run.node { ledger.release(node, gpus: run.gpus, cores: run.cpus) }
    }
}
