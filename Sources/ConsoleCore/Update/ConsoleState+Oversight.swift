import Foundation
import FactoryModel

/// The oversight actions of the dashboard: `U` reverse, `e` escalate, `P` pause, and the commands
/// `:pause pool|site NAME [drain]`, `:confirm H-2`, `:resume H-2`, `:escalate ACCOUNT`. Each opens the
/// action dialog, which says exactly what will happen and asks for the reason.
extension ConsoleState {
    /// `U` on Approvals: reverse the decisions on the selected approval.
    mutating func openReverse() -> [ConsoleEffect] {
        if let reason = identity.unavailability(of: .reverse, tr) { return warn(tr("Reverse is unavailable: \(reason).")) }
        guard screen == .approvals else { return warn(tr("Choose an approval on the Approvals screen (4) first.")) }
        guard let approval = selectedApproval else { return warn(tr("No approval is selected.")) }
        guard let latest = approval.decisions.map(\.at).max() else {
            return warn(tr("\(approval.id) has no decision to reverse."))
        }
        let closes = latest.addingTimeInterval(options.rules.reverseWindow)
        guard now <= closes else {
            return warn(tr("\(approval.id) was decided more than \(Int(options.rules.reverseWindow / 60)) min ago; it can no longer be reversed."))
        }
        let who = approval.decisions.map(\.decidedBy).joined(separator: tr(" and "))
        mode = .dialog(ActionDialog(
            kind: .reverse, subject: approval.id.description, title: tr("Reverse the decision on \(approval.id)?"),
            explanation: [
                approval.subject,
                approval.state == .rejected
                    ? tr("The rejection by \(who) stays on record with your reversal linked to it.")
                    : tr("The approval by \(who) stays on record with your reversal linked to it."),
                tr("\(approval.id) is pending again (expired if past its deadline); \(who) may not decide it again."),
                tr("Refused if run \(approval.runID) has already acted on it. A reason is required."),
            ],
            reasonRequired: true
        ))
        return []
    }

    /// `e` on Approvals: the command line, ready to name the supervisor to escalate the selected approval to.
    mutating func openEscalatePrompt() -> [ConsoleEffect] {
        if let reason = identity.unavailability(of: .escalate, tr) { return warn(tr("Escalate is unavailable: \(reason).")) }
        guard screen == .approvals, let approval = selectedApproval else {
            return warn(tr("Choose an approval on the Approvals screen (4) first."))
        }
        mode = .command(TextField(text: "escalate \(approval.id) ", maxLength: 40))
        return []
    }

    /// `P`: the command line, ready for `pause pool NAME` (or `site NAME`).
    mutating func openPausePrompt() -> [ConsoleEffect] {
        if let reason = identity.unavailability(of: .pause, tr) { return warn(tr("Pause is unavailable: \(reason).")) }
        mode = .command(TextField(text: "pause pool ", maxLength: 40))
        return []
    }

    /// Runs an oversight command typed after `:`; nil when `command` is not one.
    mutating func runOversightCommand(_ command: String) -> [ConsoleEffect]? {
        let words = command.split(separator: " ").map(String.init)
        guard let verb = words.first else { return nil }
        switch verb {
        case "pause":
            guard words.count >= 3, let scope = PauseScope(rawValue: words[1]), words.count == 3 || words[3] == "drain" else {
                return warn(tr("Say :pause pool NAME or :pause site NAME, and add drain to stop running work too."))
            }
            return openPause(scope, words[2], mode: words.count == 4 ? .drain : .continue)
        case "confirm", "resume":
            guard words.count == 2, let id = PauseID(words[1]) else { return warn(tr("Say :\(verb) H-2 (see the banner for the id).")) }
            return openPauseChange(verb == "confirm" ? .confirmPause : .resume, id)
        case "escalate":
            let id = words.count == 3 ? ApprovalID(words[1]) : selectedApproval?.id
            guard let id, words.count == 2 || words.count == 3, let account = words.last, words.count > 1 else {
                return warn(tr("Say :escalate A-12 SUPERVISOR (or select the approval and say :escalate SUPERVISOR)."))
            }
            return openEscalate(id, to: account)
        default:
            return nil
        }
    }

    private mutating func openPause(_ scope: PauseScope, _ target: String, mode pauseMode: PauseMode) -> [ConsoleEffect] {
        if let reason = identity.unavailability(of: .pause, tr) { return warn(tr("Pause is unavailable: \(reason).")) }
        var lines = [
            scope == .pool
                ? tr("Nothing new starts on pool \(target) from the moment you confirm.")
                : tr("Nothing new starts on any pool of site \(target) once a second supervisor confirms (:confirm)."),
            pauseMode == .drain
                ? tr("Drain: the runs running there are asked to stop (cancel requests in your name).")
                : tr("Running work finishes; queued work waits."),
        ]
        lines.append(tr("Every console shows a red banner until it is lifted (:resume). A reason is required."))
        var dialog = ActionDialog(
            kind: .pause, subject: target, title: scope == .pool ? tr("Pause pool \(target)?") : tr("Pause site \(target)?"), explanation: lines, reasonRequired: true
        )
        dialog.parameters = [scope.rawValue, pauseMode.rawValue]
        mode = .dialog(dialog)
        return []
    }

    private mutating func openPauseChange(_ kind: ActionDialog.Kind, _ id: PauseID) -> [ConsoleEffect] {
        if let reason = identity.unavailability(of: kind, tr) { return warn(tr("\(kind.verb(tr)) is unavailable: \(reason).")) }
        let pause = store?.pauses.first { $0.id == id }
        let what = pause.map { tr("\($0.label), asked by \($0.requestedBy): \($0.reason)") } ?? "\(id)"
        let lines = kind == .confirmPause
            ? [what, tr("You are the second supervisor: the site is paused when you confirm.")]
            : [what, tr("The pause is lifted: the runtime starts work there again. A reason is required.")]
        mode = .dialog(ActionDialog(
            kind: kind, subject: id.description, title: tr("\(kind.verb(tr)) \(id)?"), explanation: lines, reasonRequired: kind == .resume
        ))
        return []
    }

    private mutating func openEscalate(_ id: ApprovalID, to account: String) -> [ConsoleEffect] {
        if let reason = identity.unavailability(of: .escalate, tr) { return warn(tr("Escalate is unavailable: \(reason).")) }
        var dialog = ActionDialog(
            kind: .escalate, subject: id.description, title: tr("Escalate \(id) to \(account)?"),
            explanation: [
                tr("\(account) is asked to decide \(id) before its deadline, and is named as on duty if it expires."),
                tr("\(account) must be a supervisor. A reason is required."),
            ],
            reasonRequired: true
        )
        dialog.parameters = [account]
        mode = .dialog(dialog)
        return []
    }

    /// The action an oversight dialog sends.
    static func oversightAction(_ dialog: ActionDialog, reason: String) -> OperatorAction? {
        switch dialog.kind {
        case .pause:
            guard dialog.parameters.count == 2, let scope = PauseScope(rawValue: dialog.parameters[0]),
                  let pauseMode = PauseMode(rawValue: dialog.parameters[1]) else { return nil }
            return .pause(scope: scope, target: dialog.subject, mode: pauseMode, reason: reason)
        case .confirmPause:
            return PauseID(dialog.subject).map { .confirmPause($0, reason: reason.isEmpty ? nil : reason) }
        case .resume:
            return PauseID(dialog.subject).map { .resume($0, reason: reason) }
        case .reverse:
            return ApprovalID(dialog.subject).map { .reverse($0, reason: reason) }
        case .escalate:
            guard let account = dialog.parameters.first else { return nil }
            return ApprovalID(dialog.subject).map { .escalate($0, to: account, reason: reason) }
        case .approve, .reject, .cancel, .reroute:
            return nil
        }
    }

    private mutating func warn(_ message: String) -> [ConsoleEffect] {
        status = StatusMessage(message, severity: .warning, at: now)
        return []
    }
}
