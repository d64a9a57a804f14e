import Foundation
import FactoryModel

/// Reversing a decision and escalating an approval.
extension GateTransaction {
    /// Reverses every decision still counted on an approval whose run has not acted on it, within the reversal
    /// window after the latest of them. Each decision gets a linked reversal record; the decisions themselves never
    /// change. The approval returns to pending (or expires when its deadline has passed).
    func reverse(_ id: ApprovalID, action: OperatorAction, readOnly: Bool) throws -> GateOutcome {
        guard let approval = try tx.approval(id) else {
            return .refused(.notFound("There is no approval \(id). List them with `fusion-console approvals --state all`."))
        }
        let (role, refusal) = try authorise(action, readOnly: readOnly)
        if let refusal { return refusal }
        let decisions = try OversightSQL.effectiveDecisions(tx.sql, of: id)
        let run = try tx.run(approval.runID)
        let isRunsLatest = try run.map { try tx.latestApprovalID(ofRun: $0.id) == id } ?? false
        let next: ApprovalState
        do {
            next = try OversightPolicy.stateAfterReversal(
                approval, decisionTimes: decisions.map(\.at), run: run?.state, isRunsLatest: isRunsLatest,
                window: rules.reverseWindow, now: now
            )
        } catch {
            return try refuse(action, .conflict, error)
        }
        for decision in decisions {
            try OversightSQL.insertReversal(tx.sql, decision: decision.id, approval: id, actor: actor, role: role, reason: reason ?? "", at: now)
        }
        guard try OversightSQL.reopenApproval(tx.sql, id, expectedVersion: approval.version, state: next, at: now) else {
            throw ActionError.conflict("\(id) changed while you were reversing it; look again. Nothing changed.")
        }
        let who = decisions.map(\.by).joined(separator: " and ")
        let message = next == .pending
            ? "Reversed \(who)'s decision on \(id): it is pending again until \(ISO8601.string(from: approval.dueAt)); "
                + "\(who) may not decide it again."
            : "Reversed \(who)'s decision on \(id): its deadline has passed, so it is expired and its run will end."
        return try succeed(
            action, message: message,
            details: [
                "reversed": who, "state_before": approval.state.rawValue, "state_after": next.rawValue,
                "run": approval.runID.description, "role": role.rawValue,
            ]
        )
    }

    /// Hands a pending approval to a named supervisor, who is then accountable for it (see "on duty").
    func escalate(_ id: ApprovalID, to account: String, action: OperatorAction, readOnly: Bool) throws -> GateOutcome {
        guard var approval = try tx.approval(id) else {
            return .refused(.notFound("There is no approval \(id). List them with `fusion-console approvals --state all`."))
        }
        let targetRole = try tx.role(of: account)
        guard targetRole >= .supervisor else {
            return .refused(.invalidInput(
                "\(account) is \(targetRole.withArticle); escalate to a supervisor (see `fusion-console operators`)."
            ))
        }
        guard account != approval.requestedBy && account != approval.runSubmittedBy else {
            return .refused(.invalidInput("\(account) submitted or requested \(id) and may not decide it; escalate to another supervisor."))
        }
        if let refusal = try authorise(action, readOnly: readOnly).1 { return refusal }
        if approval.state == .pending && approval.isOverdue(at: now) {
            try expire(&approval)
        }
        guard approval.state == .pending else {
            return try refuse(action, .conflict, .conflict(Policy.finalStateMessage(approval)))
        }
        try OversightSQL.insertEscalation(
            tx.sql, Escalation(approvalID: id, escalatedBy: actor.account, to: account, reason: reason ?? "", at: now), via: actor.via
        )
        let left = Int(approval.dueAt.timeIntervalSince(now))
        return try succeed(
            action, message: "Escalated \(id) to \(account); it is due in \(left / 60) min \(left % 60) s.",
            details: ["to": account, "due_at": ISO8601.string(from: approval.dueAt)]
        )
    }
}
