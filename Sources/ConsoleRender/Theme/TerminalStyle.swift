/// How one ``StyleName`` looks on a terminal.
public struct TerminalStyle: Sendable, Hashable, CustomStringConvertible {
    /// The text colour.
    public var foreground: ColorSpec
    /// The cell colour.
    public var background: ColorSpec
    /// Bold, dim, reverse, underline.
    public var attributes: TextAttributes

    /// A style; by default the terminal's own colours and no attribute.
    public init(
        foreground: ColorSpec = .terminalDefault,
        background: ColorSpec = .terminalDefault,
        attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's own colours, no attribute.
    public static let plain = TerminalStyle()

    /// `fg/bg attributes`, e.g. `196/default bold`.
    public var description: String {
        "\(foreground)/\(background) \(attributes)"
    }
}
