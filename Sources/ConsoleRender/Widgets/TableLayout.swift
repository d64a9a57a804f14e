/// Where one column of a table sits.
public struct ColumnPlacement: Sendable, Hashable {
    /// The column's index in the table's columns.
    public var column: Int
    /// The first screen column.
    public var x: Int
    /// The number of screen columns.
    public var width: Int

    /// A placement.
    public init(column: Int, x: Int, width: Int) {
        self.column = column
        self.x = x
        self.width = width
    }
}

/// Column layout for a table of a given width.
public enum TableLayout {
    /// Places columns in `width` screen columns starting at `x`, `gap` columns apart.
    ///
    /// 1. While the columns' minimum widths and gaps exceed `width`, the column with the lowest
    ///    priority (the rightmost among equals) is dropped; the last column left is cut to fit.
    /// 2. The spare width goes to flexible columns in proportion to their weights (the
    ///    remainder one column at a time, leftmost first). Without flexible columns it stays
    ///    blank on the right.
    ///
    /// - Returns: the kept columns, left to right.
    public static func place(_ columns: [TableColumn], x: Int, width: Int, gap: Int) -> [ColumnPlacement] {
        var kept = Array(columns.indices)
        func needed() -> Int {
            kept.reduce(0) { $0 + columns[$1].width.minimum } + max(0, kept.count - 1) * gap
        }
        while kept.count > 1, needed() > width {
            let victim = kept.enumerated().min { lhs, rhs in
                let left = columns[lhs.element].priority
                let right = columns[rhs.element].priority
                return left != right ? left < right : lhs.offset > rhs.offset
            }!
            kept.remove(at: victim.offset)
        }
        var widths = kept.map { columns[$0].width.minimum }
        if kept.count == 1 { widths[0] = min(widths[0], max(0, width)) }
        let spare = max(0, width - needed())
        let weights = kept.map { columns[$0].width.weight }
        let totalWeight = weights.reduce(0, +)
        if spare > 0, totalWeight > 0 {
            var given = 0
            for index in widths.indices {
                let share = spare * weights[index] / totalWeight
                widths[index] += share
                given += share
            }
            var index = 0
            while given < spare {
                if weights[index] > 0 {
                    widths[index] += 1
                    given += 1
                }
                index = (index + 1) % widths.count
            }
        }
        var placements: [ColumnPlacement] = []
        var column = x
        for (position, index) in kept.enumerated() {
            placements.append(ColumnPlacement(column: index, x: column, width: widths[position]))
            column += widths[position] + gap
        }
        return placements
    }
}
