/// How every ``StyleName`` looks: colours and attributes.
///
/// Built-in themes: ``default`` (256 colours), ``highContrast`` (the eight ANSI colours, bold),
/// ``monochrome`` (attributes only, for `NO_COLOR` and terminals without colour). On a terminal
/// with only eight colours, ``fallback8(from:)`` maps palette colours to the nearest ANSI ones.
/// Themes can also be read from files (see `Themes/*.toml` and ``init(name:entries:base:)``).
///
/// ## Topics
/// - ``subscript(_:)``
/// - ``init(name:entries:base:)``
/// - ``fallback8(from:)``
public struct Theme: Sendable, Hashable {
    /// The theme's name, as chosen in the config file (`default`, `high-contrast`, ...).
    public let name: String
    /// The style of each name; a name missing here looks like ``TerminalStyle/plain``.
    public private(set) var styles: [StyleName: TerminalStyle]

    /// A theme from complete styles; missing names look plain.
    public init(name: String, styles: [StyleName: TerminalStyle]) {
        self.name = name
        self.styles = styles
    }

    /// How `style` looks in this theme.
    public subscript(_ style: StyleName) -> TerminalStyle {
        styles[style] ?? .plain
    }

    /// Whether any style uses a colour (a monochrome theme uses none).
    public var usesColor: Bool {
        styles.values.contains { $0.foreground.isColor || $0.background.isColor }
    }

    /// Whether any style uses a palette index above 7, which needs a 256-colour terminal.
    public var needs256Colors: Bool {
        styles.values.contains { style in
            [style.foreground, style.background].contains { color in
                if case .indexed(let index) = color { return index > 7 }
                return false
            }
        }
    }

    /// The built-in themes.
    public static let builtIn: [Theme] = [.default, .highContrast, .monochrome]

    /// The built-in theme called `name`, if any.
    public static func builtIn(named name: String) -> Theme? {
        builtIn.first { $0.name == name }
    }
}
