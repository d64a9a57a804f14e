import ConsoleApp
import ConsoleCore
import ConsoleRender
import Foundation
import FactoryStore
import FusionConfig
import Logging

/// Turns the comfort settings of the config (`[keys]`, `[banner]`, grace window, own figures, clipboard) into the
/// dashboard's options and theme, and reports the key map's problems before the dashboard opens.
enum ComfortSetup {
    /// The key map of `settings`, and its warnings. An unknown command or key name fails like any config error
    /// (exit 64), naming the config file.
    static func keyMap(_ settings: FusionSettings, source: String?, environment: [String: String]) throws(CommandFailure) -> (KeyMap, [String]) {
        do {
            return try KeyMap.configured(settings.keys, environment: environment)
        } catch {
            throw CommandFailure(exitCode: CommandFailure.usageCode, message: "\(source ?? "config"): \(error.message)")
        }
    }

    /// The theme with the `[banner]` colours on the classification line (bold, on its background).
    static func theme(_ theme: Theme, banner: BannerSettings, source: String?) throws(CommandFailure) -> Theme {
        guard banner.colour != nil || banner.background != nil else { return theme }
        func color(_ value: String?, key: String) throws(CommandFailure) -> ColorSpec {
            guard let value else { return .terminalDefault }
            guard let color = ColorSpec(configValue: value) else {
                throw .usage("\(source ?? "config"): [banner] \(key) = \"\(value.prefix(40))\" is not a colour: use default, black, red, green, yellow, blue, magenta, cyan, white or 0-255.")
            }
            return color
        }
        let look = TerminalStyle(
            foreground: try color(banner.colour, key: "colour"), background: try color(banner.background, key: "background"),
            attributes: [.bold])
        return theme.replacing(.classification, with: look)
    }

    /// The options of the dashboard with the comfort settings applied.
    static func apply(
        _ settings: FusionSettings, keyMap: KeyMap, to options: inout ConsoleOptions, context: CommandContext
    ) {
        options.keyMap = keyMap
        options.graceSeconds = settings.console.graceSeconds
        options.classification = settings.banner.text.flatMap { $0.isEmpty ? nil : $0 }
        options.showSelf = settings.console.showSelf
        let home = Identity.home()
        let defaultStore = StoreLocation.defaultPath(environment: context.environment, home: home)
        options.storeArgument = context.storePath == defaultStore ? nil : context.storeLabel
        options.exportDirectory = exportDirectory(environment: context.environment, home: home)
    }

    /// `$XDG_STATE_HOME/fusion-console/exports` or `~/.local/state/fusion-console/exports`.
    static func exportDirectory(environment: [String: String], home: String) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/fusion-console/exports" }
        return home + "/.local/state/fusion-console/exports"
    }

    /// Prints the start-up warnings on standard error (before the dashboard covers the screen) and logs them.
    static func announce(_ warnings: [String], tr: Localizer = .english, logger: Logger) {
        guard !warnings.isEmpty else { return }
        var text = ""
        for warning in warnings {
            // The log stays in English, for whoever reads it later; the operator reads their own language.
            logger.warning("key map", metadata: ["warning": "\(warning)"])
            text += "fusion-console: warning: \(tr.message(warning))\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
