import Foundation

/// Settings of the dashboard that do not change while it runs.
public struct ConsoleOptions: Sendable, Hashable {
    /// The factory's name in the header.
    public var factoryName: String
    /// Seconds between data refreshes.
    public var refreshInterval: TimeInterval
    /// Ring the bell when a new approval arrives.
    public var bell: Bool
    /// The language of every word on screen, with its catalogue.
    public var localizer: Localizer

    /// Creates the options.
    public init(
        factoryName: String = "FUSION AI FACTORY", refreshInterval: TimeInterval = 2, bell: Bool = false,
        language: Language = .english
    ) {
        self.factoryName = factoryName
        self.refreshInterval = refreshInterval
        self.bell = bell
        self.localizer = Localizer(language)
    }
}
