import Foundation
import FactoryModel

/// The audit history the demo's past would have left: who granted the roles, every decision, cancel and reroute,
/// what the runtime did about them, and the attempts the gate refused. Details follow the action gate's and the
/// runtime service's own records, so the demo's trail reads like a real one.
extension DemoPlanner {
    /// Every audit entry of the plan, oldest first, ending with the record of the demo's loading at `now`.
    func auditTrail(grants: [OperatorAccount]) -> [PlannedAudit] {
        var entries: [PlannedAudit] = []
        func add(_ at: Int64, _ actor: Actor, _ action: String, _ subject: String, _ outcome: AuditOutcome = .ok,
                 _ details: [String: String]) {
            entries.append(
                PlannedAudit(
                    at: at, order: entries.count,
                    entry: AuditEntry(actor: actor, action: action, subject: subject, outcome: outcome, details: details)
                )
            )
        }
        for grant in grants {
            add(
                grant.grantedAt.epochMilliseconds, creator, "grant", grant.account, .ok,
                ["role": grant.role.rawValue, "previous_role": Role.viewer.rawValue]
            )
        }
        for run in runs {
            let runID = RunID(rawValue: run.id).description
            if let request = run.reroute {
                let queued = run.reroutedFrom != nil
                add(
                    request.at, Actor(account: request.by), "reroute", runID, .ok,
                    [
                        "from_pool": run.reroutedFrom ?? run.poolID, "to_pool": queued ? run.poolID : run.rerouteTo ?? "",
                        "state_before": queued ? RunState.queued.rawValue : RunState.running.rawValue,
                        "state_after": queued ? RunState.queued.rawValue : RunState.rerouteRequested.rawValue,
                        "reason": request.reason,
                    ]
                )
            }
            if let request = run.cancel {
                var details = ["reason": request.reason]
                if let approval = run.approval, approval.state == .withdrawn {
                    details["state_before"] = RunState.awaitingApproval.rawValue
                    details["state_after"] = RunState.cancelled.rawValue
                    details["withdrawn"] = ApprovalID(rawValue: approval.id).description
                } else if run.startedAt == nil {
                    details["state_before"] = RunState.queued.rawValue
                    details["state_after"] = RunState.cancelled.rawValue
                } else {
                    details["state_before"] = RunState.running.rawValue
                    details["state_after"] = RunState.cancelRequested.rawValue
                }
                add(request.at, Actor(account: request.by), "cancel", runID, .ok, details)
                if run.state == .cancelled && run.startedAt != nil && run.approval == nil, let endedAt = run.endedAt {
                    add(endedAt, .runtime, "acknowledge-cancel", runID, .ok, ["requested_by": request.by])
                }
            }
            if let approval = run.approval {
                approvalEntries(approval, of: run, add: add)
            }
        }
        entries.sort { ($0.at, $0.order) < ($1.at, $1.order) }
        add(
            now, creator, "demo-load", "factory", .ok,
            [
                "seed": String(seed), "runs": String(runs.count),
                "approvals": String(runs.filter { $0.approval != nil }.count),
                "message": "demo factory loaded; the records before this one are its invented history",
            ]
        )
        return entries
    }

    private func approvalEntries(
        _ approval: PlannedApproval, of run: PlannedRun,
        add: (Int64, Actor, String, String, AuditOutcome, [String: String]) -> Void
    ) {
        let id = ApprovalID(rawValue: approval.id)
        let runID = RunID(rawValue: run.id).description
        for denial in approval.denials {
            let message = denialMessage(denial, approval, run)
            add(denial.at, Actor(account: denial.by), "approve", id.description, .denied, ["message": message])
        }
        var approvers: [String] = []
        for decision in approval.decisions {
            if decision.verdict == .approve { approvers.append(decision.by) }
            let stateAfter: ApprovalState = decision.verdict == .reject
                ? .rejected : (approvers.count >= approval.requiredApprovals ? .approved : .pending)
            var details = [
                "verdict": decision.verdict.rawValue, "state_after": stateAfter.rawValue, "role": Role.supervisor.rawValue,
                "approvals": "\(approvers.count) of \(approval.requiredApprovals)", "run": runID,
            ]
            if let reason = decision.reason { details["reason"] = reason }
            add(decision.at, Actor(account: decision.by), decision.verdict.rawValue, id.description, .ok, details)
        }
        switch approval.state {
        case .approved:
            if let resumedAt = approval.resumedAt {
                add(resumedAt, .runtime, "resume", runID, .ok, ["approval": id.description])
            }
        case .expired:
            if let noticedAt = approval.expiredNoticedAt {
                add(
                    noticedAt, .runtime, "expire", id.description, .ok,
                    ["due_at": ISO8601.string(from: Date(epochMilliseconds: approval.dueAt)), "state_after": "expired"]
                )
            }
            if let endedAt = run.endedAt {
                add(endedAt, .runtime, "end", runID, .ok, ["approval": id.description, "reason": run.endReason ?? ""])
            }
        case .rejected:
            if let endedAt = run.endedAt {
                add(endedAt, .runtime, "end", runID, .ok, ["approval": id.description, "reason": run.endReason ?? ""])
            }
        case .pending, .withdrawn:
            break
        }
    }

    /// The gate's own refusal message for a denied attempt.
    private func denialMessage(_ denial: PlannedDenial, _ approval: PlannedApproval, _ run: PlannedRun) -> String {
        let actor = Actor(account: denial.by)
        let id = ApprovalID(rawValue: approval.id)
        do {
            switch denial.kind {
            case .fourEyes:
                let model = Approval(
                    id: id, runID: RunID(rawValue: run.id), subject: approval.subject,
                    proposedAction: approval.proposedAction, rationale: approval.rationale, risk: approval.risk,
                    requiredApprovals: approval.requiredApprovals, requestedBy: approval.requestedBy,
                    requestedAt: Date(epochMilliseconds: approval.requestedAt), dueAt: Date(epochMilliseconds: approval.dueAt),
                    runSubmittedBy: run.submittedBy
                )
                try Policy.checkFourEyes(actor: actor, approval: model)
            case .role(let role):
                try Policy.checkRole(role, actor: actor, for: .approve(id, reason: nil))
            }
        } catch {
            return error.message
        }
        return "refused"
    }
}
