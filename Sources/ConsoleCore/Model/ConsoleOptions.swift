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
    /// The language of every word on screen, with its catalogue.
    public var localizer: Localizer
    /// Which key runs which command (`[keys]` in the config).
    public var keyMap: KeyMap = .standard
    /// Seconds a confirmed cancel or reroute waits in the console, with a countdown, before it is sent (`u` takes it
    /// back meanwhile); 0 sends at once.
    public var graceSeconds: TimeInterval = 0
    /// The classification line above everything (`DAKHLA · PRODUCTION · RESTRICTED`); nil for none. Untrusted text:
    /// the renderer sanitises it.
    public var classification: String?
    /// The `--store` argument of the command-line equivalents (`@`), when the store is not the default one.
    public var storeArgument: String?
    /// Show the console's own CPU, memory, polls and terminal output in the status line from the start.
    public var showSelf = false
    /// The folder that exports are proposed in (`$XDG_STATE_HOME/fusion-console/exports`).
    public var exportDirectory = "exports"
    /// Whether `y` may copy to the terminal's clipboard with OSC 52 (the terminal backend is told to send it).
    public var clipboard = false
    /// `[oversight]`: the reversal window and the escalation warning.
    public var rules: OversightRules

    /// Creates the options.
    public init(
        factoryName: String = "FUSION AI FACTORY", refreshInterval: TimeInterval = 2, bell: Bool = false,
        language: Language = .english,
        rules: OversightRules = OversightRules()
    ) {
        self.factoryName = factoryName
        self.refreshInterval = refreshInterval
        self.bell = bell
        self.localizer = Localizer(language)
        self.rules = rules
    }
}
