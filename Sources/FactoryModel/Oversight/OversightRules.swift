import Foundation

/// The oversight settings the gate, the dashboard and the report apply (`[oversight]` in the config file).
public struct OversightRules: Sendable, Hashable {
    /// How long after a decision it may still be reversed (while its run has not acted on it), in seconds.
    public var reverseWindow: TimeInterval
    /// How long before its deadline a pending approval is highlighted and may be escalated, in seconds.
    public var escalationWarning: TimeInterval
    /// Decisions taken faster than this after the approval was asked (or last reversed) are counted as
    /// possible rubber-stamping in the oversight report, in seconds.
    public var minReadingTime: TimeInterval

    /// Creates the rules; the defaults are 10 minutes, 15 minutes and 15 seconds.
    public init(reverseWindow: TimeInterval = 600, escalationWarning: TimeInterval = 900, minReadingTime: TimeInterval = 15) {
        self.reverseWindow = reverseWindow
        self.escalationWarning = escalationWarning
        self.minReadingTime = minReadingTime
    }

    /// True when a pending approval is inside the warning time before its deadline (and not yet past it).
    public func isNearDeadline(_ approval: Approval, at now: Date) -> Bool {
        approval.state == .pending && now < approval.dueAt && approval.dueAt.timeIntervalSince(now) <= escalationWarning
    }
}
