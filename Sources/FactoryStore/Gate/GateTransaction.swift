import Foundation
import FactoryModel

/// One action's work inside one write transaction.
struct GateTransaction {
    let tx: any StoreTransaction
    let actor: Actor
    let now: Date
    /// The validated reason (trimmed), if any.
    let reason: String?
    /// The reversal window and the other oversight settings.
    var rules = OversightRules()

    func run(_ action: OperatorAction, readOnly: Bool) throws -> GateOutcome {
        switch action {
        case .approve(let id, _):
            return try decide(id, verdict: .approve, action: action, readOnly: readOnly)
        case .reject(let id, _):
            return try decide(id, verdict: .reject, action: action, readOnly: readOnly)
        case .cancel(let id, _):
            return try cancel(id, action: action, readOnly: readOnly)
        case .reroute(let id, let poolID, _):
            return try reroute(id, to: poolID, action: action, readOnly: readOnly)
        case .grant(let account, let role):
            return try grant(role, to: account, action: action, readOnly: readOnly)
        case .pause(let scope, let target, let mode, _):
            return try pause(scope, target, mode: mode, action: action, readOnly: readOnly)
        case .confirmPause(let id, _):
            return try confirmPause(id, action: action, readOnly: readOnly)
        case .resume(let id, _):
            return try resume(id, action: action, readOnly: readOnly)
        case .reverse(let id, _):
            return try reverse(id, action: action, readOnly: readOnly)
        case .escalate(let id, let account, _):
            return try escalate(id, to: account, action: action, readOnly: readOnly)
        }
    }

    // MARK: - Checks shared by every action

    /// Refuses (with an audit record) when the session is read-only or the role is too low; returns the role.
    func authorise(_ action: OperatorAction, readOnly: Bool) throws -> (Role, GateOutcome?) {
        let role = try tx.role(of: actor.account)
        if readOnly {
            let message = "This console is read-only (--read-only): \(action.name) is disabled. Nothing changed."
            return (role, try refuse(action, .denied, .notPermitted(message)))
        }
        do {
            try Policy.checkRole(role, actor: actor, for: action)
        } catch {
            return (role, try refuse(action, .denied, error))
        }
        return (role, nil)
    }

    /// Writes the audit record of a refused or lost attempt and returns the refusal.
    func refuse(_ action: OperatorAction, _ outcome: AuditOutcome, _ error: ActionError) throws -> GateOutcome {
        var details = ["message": error.message]
        if let reason { details["reason"] = reason }
        try tx.appendAudit(
            AuditEntry(actor: actor, action: action.name, subject: action.subject, outcome: outcome, details: details),
            at: now
        )
        return .refused(error)
    }

    func succeed(_ action: OperatorAction, message: String, details: [String: String]) throws -> GateOutcome {
        var details = details
        if let reason { details["reason"] = reason }
        let record = try tx.appendAudit(
            AuditEntry(actor: actor, action: action.name, subject: action.subject, outcome: .ok, details: details),
            at: now
        )
        return .done(ActionReceipt(action: action.name, subject: action.subject, message: message, auditSeq: record.seq))
    }

    // MARK: - Approve and reject

    private func decide(_ id: ApprovalID, verdict: Verdict, action: OperatorAction, readOnly: Bool) throws -> GateOutcome {
        guard var approval = try tx.approval(id) else {
            return .refused(.notFound("There is no approval \(id). List them with `fusion-console approvals --state all`."))
        }
        let (role, refusal) = try authorise(action, readOnly: readOnly)
        if let refusal { return refusal }

        if approval.state == .pending && approval.isOverdue(at: now) {
            try expire(&approval)
        }
        do {
            try Policy.checkPending(approval)
        } catch {
            return try refuse(action, .conflict, error)
        }
        do {
            try Policy.checkFourEyes(actor: actor, approval: approval)
        } catch {
            if case .conflict = error { return try refuse(action, .conflict, error) }
            return try refuse(action, .denied, error)
        }
        if try OversightSQL.reversedDeciders(tx.sql, of: id).contains(actor.account) {
            return try refuse(action, .denied, .notPermitted(
                "\(actor.account)'s decision on \(id) was reversed; another supervisor must decide it now. Nothing changed."
            ))
        }

        let next = Policy.stateAfter(verdict, on: approval, by: actor.account)
        guard try tx.updateApproval(id, expectedVersion: approval.version, state: next, decidedAt: next.isFinal ? now : nil)
        else {
            let current = try tx.approval(id) ?? approval
            return try refuse(action, .conflict, .conflict(Policy.finalStateMessage(current)))
        }
        try tx.insertDecision(
            Decision(approvalID: id, decidedBy: actor.account, via: actor.via, role: role, verdict: verdict, reason: reason, at: now)
        )
        let approvals = Set(approval.approvers).union(verdict == .approve ? [actor.account] : []).count
        let message: String
        switch next {
        case .approved:
            message = "Approved \(id): the run may now act on it (\(approvals) of \(approval.requiredApprovals) approvals)."
        case .rejected:
            message = "Rejected \(id): its run \(approval.runID) will end."
        default:
            let missing = approval.requiredApprovals - approvals
            message = "Approved \(id) (\(approvals) of \(approval.requiredApprovals)): \(missing) more supervisor"
                + "\(missing == 1 ? "" : "s") must approve before it takes effect."
        }
        return try succeed(
            action, message: message,
            details: [
                "verdict": verdict.rawValue, "state_after": next.rawValue, "role": role.rawValue,
                "approvals": "\(approvals) of \(approval.requiredApprovals)", "run": approval.runID.description,
            ]
        )
    }

    /// An overdue approval expires (compare-and-set) before anything else is judged; it is never approved late.
    func expire(_ approval: inout Approval) throws {
        guard try tx.updateApproval(approval.id, expectedVersion: approval.version, state: .expired, decidedAt: approval.dueAt)
        else { return }
        try tx.appendAudit(
            AuditEntry(
                actor: actor, action: "expire", subject: approval.id.description, outcome: .ok,
                details: ["due_at": ISO8601.string(from: approval.dueAt), "state_after": "expired"]
            ),
            at: now
        )
        approval.state = .expired
        approval.decidedAt = approval.dueAt
        approval.version += 1
    }

    // MARK: - Cancel and reroute

    private func cancel(_ id: RunID, action: OperatorAction, readOnly: Bool) throws -> GateOutcome {
        guard let run = try tx.run(id) else {
            return .refused(.notFound("There is no run \(id). List them with `fusion-console runs`."))
        }
        if let refusal = try authorise(action, readOnly: readOnly).1 { return refusal }
        let next: RunState
        do {
            next = try Policy.stateAfterCancel(run)
        } catch {
            return try refuse(action, .conflict, error)
        }
        let request = RunRequest(by: actor.account, reason: reason ?? "", at: now)
        var change = RunChange(state: next, cancelRequest: request)
        if next == .cancelled {
            change.endedAt = now
            change.endReason = "cancelled by \(actor.account)"
        }
        guard try tx.updateRun(id, expectedVersion: run.version, change: change, at: now) else {
            return try refuse(action, .conflict, .conflict("\(id) changed while you were cancelling it; look again. Nothing changed."))
        }
        var details = ["state_before": run.state.rawValue, "state_after": next.rawValue]
        if next == .cancelled {
            let withdrawn = try tx.withdrawPendingApprovals(ofRun: id, at: now)
            if !withdrawn.isEmpty { details["withdrawn"] = withdrawn.map(\.description).joined(separator: ",") }
        }
        let message = next == .cancelled
            ? "Cancelled \(id)."
            : "Asked the runtime to stop \(id); it shows as cancelled once the runtime confirms."
        return try succeed(action, message: message, details: details)
    }

    private func reroute(_ id: RunID, to poolID: String, action: OperatorAction, readOnly: Bool) throws -> GateOutcome {
        guard let run = try tx.run(id) else {
            return .refused(.notFound("There is no run \(id). List them with `fusion-console runs`."))
        }
        guard let target = try tx.pool(poolID) else {
            return .refused(.notFound("There is no pool \(poolID). List pools with `fusion-console pools`."))
        }
        if let refusal = try authorise(action, readOnly: readOnly).1 { return refusal }
        let next: RunState
        do {
            next = try Policy.stateAfterReroute(run, to: target)
        } catch {
            if case .invalidInput = error { return .refused(error) }
            return try refuse(action, .conflict, error)
        }
        let request = RunRequest(by: actor.account, reason: reason ?? "", at: now)
        var change = RunChange(state: next, rerouteRequest: request)
        if next == .rerouteRequested {
            change.rerouteTo = .some(target.id)
        } else {
            change.poolID = target.id
        }
        guard try tx.updateRun(id, expectedVersion: run.version, change: change, at: now) else {
            return try refuse(action, .conflict, .conflict("\(id) changed while you were rerouting it; look again. Nothing changed."))
        }
        let message = next == .rerouteRequested
            ? "Asked the runtime to move \(id) from \(run.poolID) to \(target.id); it requeues there once stopped."
            : "Moved \(id) from \(run.poolID) to \(target.id)."
        return try succeed(
            action, message: message,
            details: ["from_pool": run.poolID, "to_pool": target.id, "state_before": run.state.rawValue, "state_after": next.rawValue]
        )
    }

    // MARK: - Grant

    private func grant(_ role: Role, to account: String, action: OperatorAction, readOnly: Bool) throws -> GateOutcome {
        if let refusal = try authorise(action, readOnly: readOnly).1 { return refusal }
        let previous = try tx.role(of: account)
        try tx.upsertOperator(OperatorAccount(account: account, role: role, grantedBy: actor.account, grantedAt: now))
        return try succeed(
            action, message: "\(account) is now \(role.withArticle) (was \(previous.withArticle)).",
            details: ["role": role.rawValue, "previous_role": previous.rawValue]
        )
    }
}
