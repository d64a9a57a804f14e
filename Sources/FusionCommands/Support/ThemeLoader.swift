import Foundation
import ConsoleRender
import FusionConfig

/// Finds a theme by name: a built-in (default, high-contrast, monochrome), or a TOML file — a path, or
/// NAME.toml in `$XDG_CONFIG_HOME/fusion-console/themes`, `/etc/fusion-console/themes`, or the `Themes` folder
/// next to the installed program or in the current folder.
enum ThemeLoader {
    static func load(_ name: String, environment: [String: String], home: String) throws(CommandFailure) -> Theme {
        if let builtIn = Theme.builtIn(named: name) { return builtIn }
        var candidates: [String] = []
        if name.contains("/") || name.hasSuffix(".toml") {
            candidates.append(name)
        } else {
            let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.config"
            let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            candidates += [
                configHome + "/fusion-console/themes/\(name).toml", "/etc/fusion-console/themes/\(name).toml",
                executable.appendingPathComponent("../share/fusion-console/themes/\(name).toml").path,
                FileManager.default.currentDirectoryPath + "/Themes/\(name).toml",
            ]
        }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw .usage("No theme named \"\(name.prefix(60))\". Built in: default, high-contrast, monochrome; or give a theme file's path.")
        }
        let definition: ThemeDefinition
        do {
            definition = try ThemeFile.load(path)
        } catch {
            throw CommandFailure(error)
        }
        do {
            let entries = definition.styles.mapValues { StyleEntry(fg: $0.fg, bg: $0.bg, attrs: $0.attrs) }
            return try Theme(name: definition.name ?? name, entries: entries, base: .default)
        } catch {
            throw .usage("Theme file \(path): \(error)")
        }
    }
}
