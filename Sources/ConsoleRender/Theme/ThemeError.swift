/// What is wrong with a theme file, said so that an operator can fix it.
public enum ThemeError: Error, Hashable, CustomStringConvertible {
    /// A `[styles.NAME]` table whose name is not a ``StyleName``.
    case unknownStyle(theme: String, style: String)
    /// A key in a style table other than `fg`, `bg`, `attrs`.
    case unknownKey(theme: String, style: String, key: String)
    /// A colour that is not `default`, an ANSI name or 0–255.
    case unknownColor(theme: String, style: String, key: String, value: String)
    /// An attribute that is not `bold`, `dim`, `reverse` or `underline`.
    case unknownAttribute(theme: String, style: String, value: String)
    /// Styles a complete theme must define but the file leaves out.
    case missingStyles(theme: String, styles: [String])

    /// What is wrong and how to fix it, in one or two sentences.
    public var description: String {
        switch self {
        case .unknownStyle(let theme, let style):
            "Theme '\(theme)': there is no style called '\(style)' ([styles.\(style)]). "
                + "Known styles: \(StyleName.allCases.map(\.rawValue).joined(separator: ", ")). Rename or remove it."
        case .unknownKey(let theme, let style, let key):
            "Theme '\(theme)', [styles.\(style)]: unknown key '\(key)'. "
                + "A style takes only \(StyleEntry.keys.joined(separator: ", "))."
        case .unknownColor(let theme, let style, let key, let value):
            "Theme '\(theme)', [styles.\(style)] \(key) = \"\(value)\" is not a colour. "
                + "Use \"default\", one of \(ColorSpec.ansiNames.joined(separator: ", ")), or a palette index 0-255."
        case .unknownAttribute(let theme, let style, let value):
            "Theme '\(theme)', [styles.\(style)]: unknown attribute \"\(value)\". "
                + "Use any of \(TextAttributes.named.map(\.name).joined(separator: ", "))."
        case .missingStyles(let theme, let styles):
            "Theme '\(theme)' does not define \(styles.joined(separator: ", ")). Add a [styles.NAME] table for each."
        }
    }
}
