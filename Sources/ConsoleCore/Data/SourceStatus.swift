import Foundation

/// How fresh a data source is: the store or the registry. Stale data is never shown as fresh.
public struct SourceStatus: Sendable, Hashable {
    /// False when the source is not set up at all (e.g. no registry configured).
    public var configured: Bool
    /// When data last arrived.
    public var lastSuccess: Date?
    /// Why the last attempt failed, if it did (plain words, untrusted parts sanitised when drawn).
    public var error: String?

    /// Creates a status.
    public init(configured: Bool = true, lastSuccess: Date? = nil, error: String? = nil) {
        self.configured = configured
        self.lastSuccess = lastSuccess
        self.error = error
    }

    /// Seconds since data last arrived.
    public func age(at now: Date) -> TimeInterval? {
        lastSuccess.map { max(0, now.timeIntervalSince($0)) }
    }

    /// True when the last attempt failed or the data is older than two refresh intervals.
    public func isStale(at now: Date, interval: TimeInterval) -> Bool {
        guard configured else { return false }
        guard error == nil, let age = age(at: now) else { return true }
        return age > max(2 * interval, interval + 2)
    }
}
