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
        guard approval.state == .pending || approval.state == .approved || approval.state == .rejected else {
            return try refuse(action, .conflict, .conflict(Policy.finalStateMessage(approval)))
        }
        let decisions = try OversightSQL.effectiveDecisions(tx.sql, of: id)
        guard let latest = decisions.map(\.at).max() else {
            return try refuse(action, .conflict, .conflict("\(id) has no decision to reverse (it is \(approval.state.rawValue)). Nothing changed."))
        }
        let run = try tx.run(approval.runID)
        guard let run, run.state == .awaitingApproval, try tx.latestApprovalID(ofRun: run.id) == id else {
            let state = run.map { "\($0.state.label)" } ?? "gone"
            return try refuse(action, .conflict, .conflict(
                "Its run \(approval.runID) has already acted on \(id) (it is \(state)); a decision is reversed only before that. Nothing changed."
            ))
        }
        let closes = latest.addingTimeInterval(rules.reverseWindow)
        guard now <= closes else {
            return try refuse(action, .conflict, .conflict(
                "\(id) was decided at \(ISO8601.string(from: latest)); decisions may be reversed for \(Self.minutes(rules.reverseWindow)), "
                    + "until \(ISO8601.string(from: closes)). Nothing changed."
            ))
        }
        for decision in decisions {
            try OversightSQL.insertReversal(tx.sql, decision: decision.id, approval: id, actor: actor, role: role, reason: reason ?? "", at: now)
        }
        let next: ApprovalState = approval.isOverdue(at: now) ? .expired : .pending
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

    static func minutes(_ seconds: TimeInterval) -> String {
        seconds >= 60 && seconds.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int(seconds / 60)) min" : "\(Int(seconds)) s"
    }
}
