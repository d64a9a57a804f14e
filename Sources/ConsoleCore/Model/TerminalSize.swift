/// The terminal's size in cells.
public struct TerminalSize: Sendable, Hashable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest terminal the dashboard lays out for: 80x24.
    public static let minimum = TerminalSize(width: 80, height: 24)

    /// True below 80x24: the dashboard shows only a "terminal too small" message.
    public var isTooSmall: Bool { width < Self.minimum.width || height < Self.minimum.height }
}
