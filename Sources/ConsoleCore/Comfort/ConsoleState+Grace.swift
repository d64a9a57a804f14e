import Foundation
import FactoryModel

extension ConsoleState {
    /// A confirmed action: cancel and reroute wait the grace window in the console (``held``), the others go to
    /// the gate at once. Either way it is kept in ``sessionActions`` for the `@` overlay.
    mutating func submit(_ action: OperatorAction) -> [ConsoleEffect] {
        let holds: Bool
        switch action {
        case .cancel, .reroute: holds = options.graceSeconds > 0
        case .approve, .reject, .grant, .pause, .confirmPause, .resume, .reverse, .escalate: holds = false
        }
        guard holds else {
            sessionActions.append(SessionAction(action: action, at: now, outcome: .sending))
            return [.perform(action)]
        }
        let sendAt = now.addingTimeInterval(options.graceSeconds)
        sessionActions.append(SessionAction(action: action, at: now, outcome: .held(until: sendAt)))
        held.append(HeldAction(action: action, sendAt: sendAt, entry: sessionActions.count - 1))
        mode = .normal
        // The status line's countdown says it (`cancel R-12 in 5 s · u takes back`).
        status = nil
        return []
    }

    /// Sends the held actions whose grace window has ended (at each tick).
    mutating func releaseDueActions() -> [ConsoleEffect] {
        var effects: [ConsoleEffect] = []
        held.removeAll { item in
            guard item.sendAt <= now else { return false }
            sessionActions[item.entry].outcome = .sending
            effects.append(.perform(item.action))
            return true
        }
        return effects
    }

    /// `u`: takes back the latest held action before it is sent.
    mutating func takeBackLatest() -> [ConsoleEffect] {
        guard let latest = held.popLast() else {
            status = StatusMessage(tr("Nothing is waiting to be sent; what was sent stays (@ lists this session's actions)."),
                                   severity: .info, at: now)
            return []
        }
        sessionActions[latest.entry].outcome = .takenBack
        status = StatusMessage(tr("Taken back: \(sessionActions[latest.entry].label); nothing was sent."), severity: .success, at: now)
        return []
    }

    /// `q` while actions are held: the first press asks, the second sends them at once and quits (a confirmed
    /// action is never dropped silently); `u` takes one back, any other key stays.
    mutating func quitWithHeldActions() -> [ConsoleEffect] {
        if quitAsked {
            var effects: [ConsoleEffect] = []
            for item in held {
                sessionActions[item.entry].outcome = .sending
                effects.append(.perform(item.action))
            }
            held.removeAll()
            quitting = true
            return effects + [.quit]
        }
        quitAsked = true
        let quit = options.keyMap.primaryLabel(for: .quit) ?? "q"
        let undo = options.keyMap.primaryLabel(for: .undo).map { tr(" · \($0) takes back the latest") } ?? ""
        let text = held.count == 1
            ? tr("1 held action not sent yet: \(quit) again sends it now and quits\(undo) · any other key stays.")
            : tr("\(held.count) held actions not sent yet: \(quit) again sends them now and quits\(undo) · any other key stays.")
        status = StatusMessage(text, severity: .warning, at: now)
        return []
    }

    /// Records the gate's answer on the oldest action still being sent (the gate answers in order).
    mutating func recordOutcome(_ outcome: ActionOutcome) {
        guard let index = sessionActions.firstIndex(where: { $0.outcome == .sending }) else { return }
        switch outcome {
        case .done(let message): sessionActions[index].outcome = .done(message)
        case .refused(let message): sessionActions[index].outcome = .refused(message)
        }
    }

    /// The command line of a session action, with `--store` when the store is not the default and `--as` when
    /// root acts for another account.
    public func commandLine(for entry: SessionAction) -> String {
        CommandLineEquivalent.of(
            entry.action, store: options.storeArgument, actingAs: identity.actor.via == nil ? nil : identity.actor.account)
    }
}

extension String {
    /// The text with its first letter in upper case (`Cancel R-12`).
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
