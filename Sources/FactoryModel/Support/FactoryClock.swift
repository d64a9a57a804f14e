import Foundation

/// Where the current time comes from: the wall clock in production, a fixed or fast-forwarded clock in tests
/// and in the simulator.
public protocol FactoryClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system's wall clock.
public struct SystemClock: FactoryClock {
    /// Creates the wall clock.
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that returns the time it was set to (tests).
public struct FixedClock: FactoryClock {
    /// The time this clock always returns.
    public let time: Date
    /// Creates a clock stopped at `time`.
    public init(_ time: Date) { self.time = time }
    public func now() -> Date { time }
}

extension Date {
    /// Milliseconds since the Unix epoch, the form every time takes in the job store.
    public var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    /// The date of a store time in milliseconds since the Unix epoch.
    public init(epochMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(epochMilliseconds) / 1000)
    }
}
