import SafeText
import TOMLKit

/// One style of a theme file: colours and attributes, as written (checked by the renderer's theme).
public struct ThemeStyleSpec: Sendable, Equatable {
    /// Text colour: `default`, an ANSI name or a 256-colour index.
    public var fg: String?
    /// Cell colour.
    public var bg: String?
    /// `bold`, `dim`, `reverse`, `underline`.
    public var attrs: [String]
}

/// A theme file's contents: `[styles.NAME]` tables with `fg`, `bg`, `attrs`, and an optional top-level `name`.
public struct ThemeDefinition: Sendable, Equatable {
    /// The theme's name, if the file gives one.
    public var name: String?
    /// The styles by name.
    public var styles: [String: ThemeStyleSpec]
}

/// Reads theme files (same permission rules as the config file).
public enum ThemeFile {
    /// Reads and parses the theme file at `path`.
    public static func load(_ path: String) throws(ConfigError) -> ThemeDefinition {
        try parse(try ConfigLoader.read(path), source: path)
    }

    /// Parses theme TOML; `source` names the file in messages.
    public static func parse(_ text: String, source: String) throws(ConfigError) -> ThemeDefinition {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch {
            throw ConfigError("\(source) is not valid TOML: \(Sanitizer.line("\(error)", charset: .ascii))")
        }
        let reader = TableReader(table: root, path: "", source: source)
        try reader.allowOnly(["name", "styles"])
        var definition = ThemeDefinition(name: try reader.string("name"), styles: [:])
        guard let styles = try reader.table("styles") else {
            throw ConfigError("\(source) has no [styles.…] tables; see Themes/default.toml for the shape.")
        }
        for key in styles.table.keys {
            guard let style = try styles.table(key) else { continue }
            try style.allowOnly(["fg", "bg", "attrs"])
            var attributes: [String] = []
            if let array = style.table["attrs"] {
                guard let items = array.array else { throw ConfigError("\(source): [styles.\(key)] attrs must be a list.") }
                for item in items {
                    guard let word = item.string else { throw ConfigError("\(source): [styles.\(key)] attrs must hold strings.") }
                    attributes.append(word)
                }
            }
            definition.styles[key] = ThemeStyleSpec(fg: try style.string("fg"), bg: try style.string("bg"), attrs: attributes)
        }
        return definition
    }
}
