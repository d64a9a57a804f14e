/// A cell's position: column `x`, row `y`, from the top left.
public struct Point: Sendable, Hashable, CustomStringConvertible {
    /// The column.
    public var x: Int
    /// The row.
    public var y: Int

    /// A position.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// `x,y`.
    public var description: String { "\(x),\(y)" }
}
