/// Text attributes a terminal can combine with colours (or use alone, without colour).
public struct TextAttributes: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// The attributes as bits.
    public let rawValue: UInt8

    /// Attributes from their bits.
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Bold or bright text.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Dim (faint) text.
    public static let dim = TextAttributes(rawValue: 1 << 1)
    /// Foreground and background swapped.
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    /// Underlined text.
    public static let underline = TextAttributes(rawValue: 1 << 3)

    /// Each attribute with its name in theme files, in a fixed order.
    public static let named: [(name: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline),
    ]

    /// Reads one attribute name as written in a theme file; `nil` when it is not one.
    public init?(configName: String) {
        let name = configName.trimmingSpaces().lowercased()
        guard let match = Self.named.first(where: { $0.name == name }) else { return nil }
        self = match.attribute
    }

    /// The attribute names as written in a theme file, in a fixed order.
    public var configNames: [String] {
        Self.named.filter { contains($0.attribute) }.map(\.name)
    }

    /// The names joined by `+`, or `none`.
    public var description: String {
        configNames.isEmpty ? "none" : configNames.joined(separator: "+")
    }
}
