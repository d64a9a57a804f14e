import Foundation

/// The rules of the oversight actions, as pure functions over values; the action gate applies them inside the
/// transaction that makes the change (like ``Policy``).
public enum OversightPolicy {
    /// The state a reversal moves `approval` to (pending, or expired past its deadline), or why it may not be
    /// reversed: it must have decisions still counted (`decisionTimes`), the latest of them within `window`,
    /// and its run must still await it (`run` is the run's state, `isRunsLatest` whether it is the run's latest
    /// approval).
    public static func stateAfterReversal(
        _ approval: Approval, decisionTimes: [Date], run: RunState?, isRunsLatest: Bool, window: TimeInterval, now: Date
    ) throws(ActionError) -> ApprovalState {
        guard [.pending, .approved, .rejected].contains(approval.state) else {
            throw .conflict(Policy.finalStateMessage(approval))
        }
        guard let latest = decisionTimes.max() else {
            throw .conflict("\(approval.id) has no decision to reverse (it is \(approval.state.rawValue)). Nothing changed.")
        }
        guard run == .awaitingApproval, isRunsLatest else {
            throw .conflict(
                "Its run \(approval.runID) has already acted on \(approval.id) (it is \(run?.label ?? "gone")); "
                    + "a decision is reversed only before that. Nothing changed."
            )
        }
        let closes = latest.addingTimeInterval(window)
        guard now <= closes else {
            throw .conflict(
                "\(approval.id) was decided at \(ISO8601.string(from: latest)); decisions may be reversed for "
                    + "\(duration(window)), until \(ISO8601.string(from: closes)). Nothing changed."
            )
        }
        return approval.isOverdue(at: now) ? .expired : .pending
    }

    /// Refuses a confirmation of `pause` by `account` unless the pause awaits one and `account` did not ask for it.
    public static func checkConfirmation(of pause: Pause, by account: String) throws(ActionError) {
        switch pause.state {
        case .lifted:
            throw .conflict("\(pause.id) was lifted by \(pause.liftedBy ?? "someone") already. Nothing changed.")
        case .active:
            let who = pause.confirmedBy.map { "confirmed by \($0)" } ?? "a pool pause, active without confirmation"
            throw .conflict("\(pause.id) is already active (\(who)). Nothing changed.")
        case .awaitingConfirmation:
            guard pause.requestedBy != account else {
                throw .notPermitted(
                    "\(account) asked for \(pause.id) and may not confirm it: a second supervisor must (two-person rule for a site)."
                )
            }
        }
    }

    /// `10 min`, or `45 s` when not a whole number of minutes.
    static func duration(_ seconds: TimeInterval) -> String {
        seconds >= 60 && seconds.truncatingRemainder(dividingBy: 60) == 0 ? "\(Int(seconds / 60)) min" : "\(Int(seconds)) s"
    }
}
