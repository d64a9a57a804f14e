import ConsoleCore
import ConsoleRender
import FactoryModel
import FactoryStore
import NodeRegistry
import TerminalNCurses

/// Everything the live dashboard needs, resolved by the command line.
public struct DashboardSettings: Sendable {
    /// The job store.
    public var store: any JobStore
    /// Who acts.
    public var actor: Actor
    /// `--read-only`: every action refused by the gate.
    public var readOnly: Bool
    /// Header name, refresh interval, bell.
    public var options: ConsoleOptions
    /// Colours.
    public var theme: Theme
    /// At most this many colours (NO_COLOR → none).
    public var colorLimit: ColorMode
    /// The registry, if one is configured.
    public var registry: RegistryConfiguration?
    /// Where stderr goes while the dashboard is on screen.
    public var logFile: String
    /// Whether `y` may copy ids with OSC 52.
    public var clipboard: ClipboardChoice = .auto
    /// Start-up warnings (key map conflicts…), already printed and logged; the first is shown in the status line.
    public var startupNotes: [String] = []

    /// Creates the settings.
    public init(
        store: any JobStore, actor: Actor, readOnly: Bool, options: ConsoleOptions, theme: Theme, colorLimit: ColorMode,
        registry: RegistryConfiguration?, logFile: String
    ) {
        self.store = store
        self.actor = actor
        self.readOnly = readOnly
        self.options = options
        self.theme = theme
        self.colorLimit = colorLimit
        self.registry = registry
        self.logFile = logFile
    }
}
