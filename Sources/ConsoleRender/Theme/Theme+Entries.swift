/// One style as a theme file writes it, before it is checked:
/// `[styles.critical]` `fg = "196"` `bg = "default"` `attrs = ["bold"]`.
public struct StyleEntry: Sendable, Hashable {
    /// The keys a style table may hold.
    public static let keys = ["fg", "bg", "attrs"]

    /// The foreground colour (`fg`); `nil` for the terminal default.
    public var foreground: String?
    /// The background colour (`bg`); `nil` for the terminal default.
    public var background: String?
    /// The attribute names (`attrs`).
    public var attributes: [String]

    /// An entry with the given values.
    public init(fg foreground: String? = nil, bg background: String? = nil, attrs attributes: [String] = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

extension Theme {
    /// A theme read from a parsed theme file: one ``StyleEntry`` per `[styles.NAME]` table.
    ///
    /// - Parameters:
    ///   - name: the theme's name (usually the file name without `.toml`).
    ///   - entries: the styles by name, as written in the file.
    ///   - base: the theme that gives the styles the file leaves out; `nil` to require all.
    /// - Throws: ``ThemeError`` naming the style and value that are wrong.
    public init(name: String, entries: [String: StyleEntry], base: Theme?) throws {
        var styles = base?.styles ?? [:]
        for (styleName, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard let style = StyleName(rawValue: styleName) else {
                throw ThemeError.unknownStyle(theme: name, style: styleName)
            }
            styles[style] = try Self.style(from: entry, theme: name, style: styleName)
        }
        let missing = StyleName.allCases.filter { styles[$0] == nil }
        guard missing.isEmpty else {
            throw ThemeError.missingStyles(theme: name, styles: missing.map(\.rawValue))
        }
        self.init(name: name, styles: styles)
    }

    /// The style a file entry describes.
    private static func style(from entry: StyleEntry, theme: String, style: String) throws -> TerminalStyle {
        func color(_ value: String?, key: String) throws -> ColorSpec {
            guard let value else { return .terminalDefault }
            guard let color = ColorSpec(configValue: value) else {
                throw ThemeError.unknownColor(theme: theme, style: style, key: key, value: value)
            }
            return color
        }
        var attributes: TextAttributes = []
        for name in entry.attributes {
            guard let attribute = TextAttributes(configName: name) else {
                throw ThemeError.unknownAttribute(theme: theme, style: style, value: name)
            }
            attributes.insert(attribute)
        }
        return TerminalStyle(
            foreground: try color(entry.foreground, key: "fg"),
            background: try color(entry.background, key: "bg"),
            attributes: attributes)
    }

    /// The theme as file entries (the inverse of ``init(name:entries:base:)``).
    public var entries: [String: StyleEntry] {
        var entries: [String: StyleEntry] = [:]
        for style in StyleName.allCases {
            let look = self[style]
            entries[style.rawValue] = StyleEntry(
                fg: look.foreground.configValue, bg: look.background.configValue, attrs: look.attributes.configNames)
        }
        return entries
    }
}
