import Foundation

/// Exponential backoff between attempts to reach the server: 0.25 s, 0.5 s, 1 s… up to 8 s; reset on success.
struct ReconnectBackoff: Sendable {
    static let first: TimeInterval = 0.25
    static let longest: TimeInterval = 8

    private(set) var failures = 0
    private(set) var nextAttempt: Date?

    /// Seconds to wait before the next attempt is due (0 when it may go now).
    func wait(at now: Date) -> TimeInterval {
        guard let nextAttempt else { return 0 }
        return max(0, nextAttempt.timeIntervalSince(now))
    }

    /// The delay after the current number of failures.
    var delay: TimeInterval { min(Self.longest, Self.first * pow(2, Double(max(0, failures - 1)))) }

    /// Records a failed attempt; returns the delay before the next.
    @discardableResult
    mutating func failed(at now: Date) -> TimeInterval {
        failures += 1
        nextAttempt = now.addingTimeInterval(delay)
        return delay
    }

    /// Records a success.
    mutating func succeeded() {
        failures = 0
        nextAttempt = nil
    }
}
