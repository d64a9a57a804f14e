import Foundation
import FactoryModel

/// One action confirmed in this dashboard session, for the `@` overlay: what it was, when, and how it ended.
public struct SessionAction: Sendable, Hashable {
    /// Where the action stands.
    public enum Outcome: Sendable, Hashable {
        /// Held in the console during the grace window; sent at `until` unless taken back with `u`.
        case held(until: Date)
        /// Handed to the gate; the answer has not come yet.
        case sending
        /// Done; the gate's sentence.
        case done(String)
        /// Refused or lost a race; the gate's sentence.
        case refused(String)
        /// Taken back with `u` before it was sent: nothing reached the store.
        case takenBack
    }

    /// The action.
    public var action: OperatorAction
    /// When it was confirmed.
    public var at: Date
    /// Where it stands.
    public var outcome: Outcome

    /// Creates an entry.
    public init(action: OperatorAction, at: Date, outcome: Outcome) {
        self.action = action
        self.at = at
        self.outcome = outcome
    }

    /// A short description: `cancel R-190233`, `reroute R-190240 → benguerir-gpu`.
    public var label: String {
        if case .reroute(_, let pool, _) = action { return "reroute \(action.subject) → \(pool)" }
        return "\(action.name) \(action.subject)"
    }
}

/// A cancel or reroute confirmed but held in the console until its grace window ends (see
/// ``ConsoleOptions/graceSeconds``); `u` takes back the latest before it is sent.
public struct HeldAction: Sendable, Hashable {
    /// The action to send.
    public var action: OperatorAction
    /// When it will be sent.
    public var sendAt: Date
    /// Its entry in ``ConsoleState/sessionActions``.
    public var entry: Int

    /// Whole seconds left before it is sent at `now` (rounded up, never below 0).
    public func secondsLeft(at now: Date) -> Int {
        max(0, Int(sendAt.timeIntervalSince(now).rounded(.up)))
    }
}
