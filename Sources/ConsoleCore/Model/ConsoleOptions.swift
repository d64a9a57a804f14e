import Foundation

/// Settings of the dashboard that do not change while it runs.
public struct ConsoleOptions: Sendable, Hashable {
    /// The factory's name in the header.
    public var factoryName: String
    /// Seconds between data refreshes.
    public var refreshInterval: TimeInterval
    /// Ring the bell when a new approval arrives.
    public var bell: Bool

    /// Creates the options.
    public init(factoryName: String = "FUSION AI FACTORY", refreshInterval: TimeInterval = 2, bell: Bool = false) {
        self.factoryName = factoryName
        self.refreshInterval = refreshInterval
        self.bell = bell
    }
}
