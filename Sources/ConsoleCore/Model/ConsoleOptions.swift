import Foundation
import FactoryModel

/// Settings of the dashboard that do not change while it runs.
public struct ConsoleOptions: Sendable, Hashable {
    /// The factory's name in the header.
    public var factoryName: String
    /// Seconds between data refreshes.
    public var refreshInterval: TimeInterval
    /// Ring the bell when a new approval arrives.
    public var bell: Bool
    /// `[oversight]`: the reversal window and the escalation warning.
    public var rules: OversightRules

    /// Creates the options.
    public init(
        factoryName: String = "FUSION AI FACTORY", refreshInterval: TimeInterval = 2, bell: Bool = false,
        rules: OversightRules = OversightRules()
    ) {
        self.factoryName = factoryName
        self.refreshInterval = refreshInterval
        self.bell = bell
        self.rules = rules
    }
}
