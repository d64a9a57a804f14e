import Foundation
import FactoryModel

extension ConsoleState {
    /// `a` / `r`: opens the decision dialog for the selected approval (approvals screen) or the nearest pending
    /// one (overview), or says why not.
    mutating func openDecision(_ kind: ActionDialog.Kind) -> [ConsoleEffect] {
        if let reason = identity.unavailability(of: kind, tr) {
            return refuse(tr("\(kind.verb(tr)) is unavailable: \(reason)."))
        }
        let approval: Approval?
        switch screen {
        case .approvals: approval = selectedApproval
        case .overview: approval = store?.approvals.rows.first { $0.state == .pending }
        default: return refuse(tr("Choose an approval on the Approvals screen (4) first."))
        }
        guard let approval else { return refuse(tr("No approval is selected.")) }
        guard approval.state == .pending else {
            return refuse(tr("\(approval.id) is already \(tr.word(approval.state)); nothing to decide."))
        }
        let me = identity.actor.account
        if me == approval.runSubmittedBy || me == approval.requestedBy {
            return refuse(tr("You submitted or requested \(approval.id): another supervisor must decide it (four-eyes)."))
        }
        if approval.approvers.contains(me) {
            return refuse(tr("You already approved \(approval.id); a second approval must come from another supervisor."))
        }
        var lines = ["\(approval.subject)", tr("Proposed: \(approval.proposedAction)")]
        if kind == .approve {
            let done = approval.approvers.count
            if approval.requiredApprovals == 2 && done == 1 {
                lines.append(tr("You will be the second of two approvers: it takes effect when you confirm."))
            } else if approval.requiredApprovals == 2 {
                lines.append(tr("You will be the first of two approvers; another supervisor must approve before it takes effect."))
            } else {
                lines.append(tr("Run \(approval.runID) resumes and acts on it when you confirm."))
            }
        } else {
            lines.append(tr("Run \(approval.runID) will end (cancelled). Say why: the reason is kept in the audit trail."))
        }
        mode = .dialog(ActionDialog(
            kind: kind, subject: approval.id.description, title: tr("\(kind.verb(tr)) \(approval.id)?"), explanation: lines,
            reasonRequired: kind == .reject
        ))
        return []
    }

    /// `c` / `m`: opens the cancel or reroute dialog for the selected run, or says why not.
    mutating func openRunAction(_ kind: ActionDialog.Kind) -> [ConsoleEffect] {
        if let reason = identity.unavailability(of: kind, tr) {
            return refuse(kind == .cancel ? tr("Cancel is unavailable: \(reason).") : tr("Reroute is unavailable: \(reason)."))
        }
        guard screen == .runs else { return refuse(tr("Choose a run on the Runs screen (3) first.")) }
        guard let run = selectedRun else { return refuse(tr("No run is selected.")) }
        switch kind {
        case .cancel:
            guard let next = run.state.stateAfterCancel else {
                return refuse(tr("\(run.id) is \(tr.word(run.state)); it cannot be cancelled."))
            }
            let what = next == .cancelled
                ? tr("\(run.id) is \(tr.word(run.state)): it will be cancelled at once.")
                : tr("\(run.id) is running on \(run.node ?? tr("a node")): the runtime is asked to stop it; it shows cancelled once it confirms.")
            mode = .dialog(ActionDialog(
                kind: .cancel, subject: run.id.description, title: tr("Cancel \(run.id)?"),
                explanation: [run.title, what, tr("A reason is required; it is kept in the audit trail.")], reasonRequired: true
            ))
        case .reroute:
            guard run.state.stateAfterReroute != nil else {
                return refuse(tr("\(run.id) is \(tr.word(run.state)); it cannot be rerouted."))
            }
            let choices = (store?.pools ?? [])
                .filter { $0.pool.id != run.poolID && $0.pool.fits(gpus: run.gpus, cpus: run.cpus) }
                .sorted { ($0.freeGPUs, $0.freeCPUs, $0.pool.id) > ($1.freeGPUs, $1.freeCPUs, $1.pool.id) }
            guard !choices.isEmpty else {
                return refuse(tr("No other pool fits \(run.id) (\(run.gpus) GPUs, \(run.cpus) cores)."))
            }
            let how = run.state == .running
                ? tr("It is running: the runtime stops it and requeues it on the new pool.")
                : tr("It is \(tr.word(run.state)): it moves at once.")
            mode = .dialog(ActionDialog(
                kind: .reroute, subject: run.id.description, title: tr("Move \(run.id) from \(run.poolID)?"),
                explanation: [run.title, tr("\(run.gpus) GPUs, \(run.cpus) cores. \(how)")], reasonRequired: true,
                poolChoices: choices
            ))
        default:
            break
        }
        return []
    }

    private mutating func refuse(_ message: String) -> [ConsoleEffect] {
        status = StatusMessage(message, severity: .warning, at: now)
        return []
    }

    /// Keys inside a dialog. Nothing is sent until Enter on the confirm button, and Esc (or a signal) discards it.
    mutating func handleDialog(_ key: Key, _ dialog: inout ActionDialog) -> [ConsoleEffect] {
        if dialog.sending { return [] }
        switch key {
        case .escape:
            mode = .normal
            status = StatusMessage(tr("Nothing was sent."), severity: .info, at: now)
            return []
        case .tab, .backTab:
            let order = dialog.focusOrder
            let index = order.firstIndex(of: dialog.focus) ?? 0
            let step = key == .tab ? 1 : order.count - 1
            dialog.focus = order[(index + step) % order.count]
        case .enter:
            switch dialog.focus {
            case .cancelButton:
                mode = .normal
                status = StatusMessage(tr("Nothing was sent."), severity: .info, at: now)
                return []
            case .reason, .pools:
                dialog.focus = .confirmButton
            case .confirmButton:
                return confirm(&dialog)
            }
        case .left where dialog.focus == .confirmButton:
            dialog.focus = .cancelButton
        case .right where dialog.focus == .cancelButton:
            dialog.focus = .confirmButton
        case .up where dialog.focus == .pools, .character("k") where dialog.focus == .pools:
            dialog.poolIndex = max(0, dialog.poolIndex - 1)
        case .down where dialog.focus == .pools, .character("j") where dialog.focus == .pools:
            dialog.poolIndex = min(dialog.poolChoices.count - 1, dialog.poolIndex + 1)
        default:
            if dialog.focus != .reason, case .character = key { dialog.focus = .reason }
            if dialog.focus == .reason, Self.edit(&dialog.reason, with: key) { dialog.problem = nil }
        }
        mode = .dialog(dialog)
        return []
    }

    private mutating func confirm(_ dialog: inout ActionDialog) -> [ConsoleEffect] {
        // A read-only session never opens a dialog; should one be open anyway, it still sends nothing.
        if identity.readOnly {
            mode = .normal
            status = StatusMessage(tr("This session is read-only: nothing was sent."), severity: .warning, at: now)
            return []
        }
        let reason = dialog.reason.trimmedText
        if dialog.reasonRequired && reason.isEmpty {
            dialog.problem = tr("A reason is required: type why, then confirm.")
            dialog.focus = .reason
            mode = .dialog(dialog)
            status = StatusMessage(tr("A reason is required; nothing was sent."), severity: .warning, at: now)
            return []
        }
        let action: OperatorAction
        switch dialog.kind {
        case .approve:
            guard let id = ApprovalID(dialog.subject) else { return [] }
            action = .approve(id, reason: reason.isEmpty ? nil : reason)
        case .reject:
            guard let id = ApprovalID(dialog.subject) else { return [] }
            action = .reject(id, reason: reason)
        case .cancel:
            guard let id = RunID(dialog.subject) else { return [] }
            action = .cancel(id, reason: reason)
        case .reroute:
            guard let id = RunID(dialog.subject), let pool = dialog.selectedPool else { return [] }
            action = .reroute(id, toPool: pool.pool.id, reason: reason)
        case .pause, .confirmPause, .resume, .reverse, .escalate:
            guard let oversight = Self.oversightAction(dialog, reason: reason) else { return [] }
            action = oversight
        }
        if case .cancel = action, options.graceSeconds > 0 { return submit(action) }
        if case .reroute = action, options.graceSeconds > 0 { return submit(action) }
        dialog.sending = true
        mode = .dialog(dialog)
        return submit(action)
    }
}
