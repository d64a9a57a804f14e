/// A window of a long list: the rows loaded, where they start, and how many rows the whole list has.
public struct ListWindow<Row: Sendable>: Sendable {
    /// The absolute index of `rows[0]`.
    public var offset: Int
    /// The rows loaded.
    public var rows: [Row]
    /// How many rows the whole list has.
    public var total: Int

    /// Creates a window.
    public init(offset: Int = 0, rows: [Row] = [], total: Int = 0) {
        self.offset = offset
        self.rows = rows
        self.total = total
    }

    /// The row at an absolute index, if loaded.
    public func row(at index: Int) -> Row? {
        let local = index - offset
        return rows.indices.contains(local) ? rows[local] : nil
    }

    /// Whether the absolute range is entirely loaded.
    public func covers(_ range: Range<Int>) -> Bool {
        let clamped = range.clamped(to: 0..<max(0, total))
        return clamped.isEmpty || (clamped.lowerBound >= offset && clamped.upperBound <= offset + rows.count)
    }
}
