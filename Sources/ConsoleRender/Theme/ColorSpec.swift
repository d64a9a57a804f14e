/// A terminal colour as a theme names it.
///
/// Written in theme files as `"default"`, one of the eight ANSI names (`"black"`, `"red"`,
/// `"green"`, `"yellow"`, `"blue"`, `"magenta"`, `"cyan"`, `"white"`), or a 256-colour
/// palette index `"0"`–`"255"`.
public enum ColorSpec: Sendable, Hashable, CustomStringConvertible {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the eight ANSI colours, 0 (black) to 7 (white); every colour terminal has them.
    case ansi(UInt8)
    /// An index into the 256-colour palette.
    case indexed(UInt8)

    /// The eight ANSI colour names, in index order.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Reads a colour as written in a theme file; `nil` when it is not one.
    public init?(configValue: String) {
        let value = configValue.trimmingSpaces().lowercased()
        if value == "default" {
            self = .terminalDefault
        } else if let index = Self.ansiNames.firstIndex(of: value) {
            self = .ansi(UInt8(index))
        } else if !value.isEmpty, value.allSatisfy(\.isASCIIDigit), value.count <= 3, let index = UInt8(value) {
            self = .indexed(index)
        } else {
            return nil
        }
    }

    /// The colour as written in a theme file.
    public var configValue: String {
        switch self {
        case .terminalDefault: "default"
        case .ansi(let index): Self.ansiNames[Int(index & 7)]
        case .indexed(let index): String(index)
        }
    }

    /// Whether this is a colour at all (not the terminal default).
    public var isColor: Bool { self != .terminalDefault }

    /// Same as ``configValue``.
    public var description: String { configValue }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
