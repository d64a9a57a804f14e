import Foundation

/// What the console knows about the registry: the last good snapshot, how old it is, and what
/// went wrong since. An immutable value handed to the UI after every poll.
public struct RegistryState: Sendable, Equatable {
    /// The registry polled (``RegistryClient/source``).
    public var source: String
    /// The last snapshot that was read successfully; kept while later polls fail.
    public var lastGood: RegistrySnapshot?
    /// The error of the last poll, `nil` once a poll succeeds again.
    public var lastError: RegistryError?
    /// When the last poll began.
    public var lastAttemptAt: Date?
    /// When the last successful poll ended.
    public var lastSuccessAt: Date?
    /// Failed polls in a row (0 after a success).
    public var consecutiveFailures: Int
    /// When the next poll is due (later than the interval while backing off).
    public var nextAttemptAt: Date?
    /// Recent values of successful polls, for sparklines.
    public var history: RegistryHistory
    /// Counts the samples with new data (a "not modified" answer confirms the last one without adding one).
    public var sampleNumber: Int

    /// The state before the first poll.
    public init(source: String, historyCapacity: Int = 60) {
        self.source = source
        lastGood = nil
        lastError = nil
        lastAttemptAt = nil
        lastSuccessAt = nil
        consecutiveFailures = 0
        nextAttemptAt = nil
        history = RegistryHistory(capacity: historyCapacity)
        sampleNumber = 0
    }

    /// Seconds since the last good snapshot arrived, or `nil` when there is none.
    public func age(now: Date) -> TimeInterval? {
        lastSuccessAt.map { max(0, now.timeIntervalSince($0)) }
    }

    /// `true` when the data must not be shown as current: there is none, the last poll failed, or
    /// the last good snapshot is older than twice the polling interval (a poll is hanging).
    public func isStale(now: Date, interval: TimeInterval) -> Bool {
        guard let age = age(now: now) else { return true }
        return lastError != nil || age > 2 * interval
    }

    /// The registry's health in one word, for the header bar.
    public func health(now: Date, interval: TimeInterval) -> RegistryHealth {
        if lastError != nil { return lastGood == nil ? .unreachable : .failing }
        guard lastGood != nil else { return .waiting }
        return isStale(now: now, interval: interval) ? .stale : .fresh
    }
}

/// The registry's health, as the header bar shows it.
public enum RegistryHealth: String, Sendable, Equatable {
    /// No poll has finished yet.
    case waiting
    /// The last poll succeeded within twice the interval.
    case fresh
    /// The last poll succeeded, but too long ago (the current one is hanging).
    case stale
    /// The last poll failed; older data is still shown, marked with its age.
    case failing
    /// Every poll so far failed; there is nothing to show.
    case unreachable
}
