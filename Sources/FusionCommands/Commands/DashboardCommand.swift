import ArgumentParser
import ConsoleApp
import ConsoleCore
import ConsoleRender
import Foundation
import FactoryModel
import FactoryStore
import Logging
import TerminalNCurses

/// Options of the dashboard, shared with `demo`.
struct DashboardOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Node registry: http(s)://host:port or prometheus+http(s)://host:port.", valueName: "url"))
    var registry: String?

    @Option(help: ArgumentHelp("Theme: default, high-contrast, monochrome, or a theme file.", valueName: "name"))
    var theme: String?

    @Option(help: ArgumentHelp("Seconds between refreshes (default 2).", valueName: "seconds"))
    var refresh: Double?

    @Flag(name: .customLong("read-only"), help: "Disable every action (in the gate, not just on screen).")
    var readOnly = false

    @Option(help: ArgumentHelp("Language of the dashboard: auto (from LC_ALL, LC_MESSAGES, LANG), en or fr.", valueName: "language"))
    var language: String?

    func validate() throws {
        if let language, !Language.settingValues.contains(language.lowercased()) {
            throw ValidationError("--language must be auto, en or fr.")
        }
        if let refresh, !(0.2...3600).contains(refresh) {
            throw ValidationError("--refresh must be between 0.2 and 3600 seconds.")
        }
    }
}

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the live dashboard (the default when no command is given).",
        discussion: "Keys: 1-6 switch screens, / filters, Enter opens details, a/r decide, c/m cancel or move a run (held for [console] grace_seconds; u takes it back), @ what this session did as command lines, x export, y copy an id, % the console's own figures, ? help, q quits. Keys can be changed in [keys] of the config."
    )
    @OptionGroup var dashboard: DashboardOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        try Self.open(context: context, store: store, options: dashboard, registryOverride: nil)
    }

    /// Opens the dashboard on `store`; returns when the operator quits, exits 128+n after a signal.
    static func open(
        context: CommandContext, store: any JobStore, options: DashboardOptions, registryOverride: String?
    ) throws(CommandFailure) {
        let settings = context.settings
        let logPath = settings.log.file ?? LogSetup.defaultPath(environment: context.environment, home: Identity.home())
        let logger = try LogSetup.start(path: logPath, level: settings.log.level, label: "fusion-console")
        let (keyMap, keyWarnings) = try ComfortSetup.keyMap(settings, source: context.configSource, environment: context.environment)
        let theme = try ComfortSetup.theme(
            try ThemeLoader.load(options.theme ?? settings.console.theme, environment: context.environment, home: Identity.home()),
            banner: settings.banner, source: context.configSource)
        let registry = try RegistrySetup.configuration(settings.registry, url: registryOverride ?? options.registry)
        var consoleOptions = ConsoleOptions(
            factoryName: settings.console.factoryName, refreshInterval: options.refresh ?? settings.console.refresh,
            bell: settings.console.bell, language: context.language(override: options.language),
            rules: context.oversightRules
        )
        ComfortSetup.apply(settings, keyMap: keyMap, to: &consoleOptions, context: context)
        var dashboardSettings = DashboardSettings(
            store: store, actor: context.actor, readOnly: options.readOnly || settings.console.readOnly,
            options: consoleOptions,
            theme: theme, colorLimit: .ansi256, registry: registry, logFile: logPath
        )
        dashboardSettings.clipboard = ClipboardChoice(rawValue: settings.console.clipboard) ?? .auto
        dashboardSettings.startupNotes = keyWarnings.map { context.tr.message($0) }
        ComfortSetup.announce(keyWarnings, tr: context.tr, logger: logger)
        let ending: Dashboard.Ending
        do {
            ending = try Dashboard.run(dashboardSettings, logger: logger)
        } catch {
            throw CommandFailure(exitCode: CommandFailure.usageCode, message: error.description)
        }
        if case .signal(let number) = ending {
            throw CommandFailure(exitCode: 128 + number, message: "stopped by signal \(number); the terminal is restored and nothing was half-sent.")
        }
    }
}
