import SafeText

/// How wide a table column is.
public enum ColumnWidth: Sendable, Hashable {
    /// Always this many columns.
    case fixed(Int)
    /// At least `min` columns, plus a share of the spare width proportional to `weight`.
    case flexible(min: Int, weight: Int)

    /// The least width the column needs.
    public var minimum: Int {
        switch self {
        case .fixed(let width): max(0, width)
        case .flexible(let min, _): max(0, min)
        }
    }

    /// The column's share of spare width (0 for a fixed column).
    public var weight: Int {
        switch self {
        case .fixed: 0
        case .flexible(_, let weight): max(0, weight)
        }
    }
}

/// One column of a ``TableView``.
public struct TableColumn: Sendable, Hashable {
    /// The header text.
    public var title: String
    /// How wide the column is.
    public var width: ColumnWidth
    /// Where text sits in the column (numbers usually right).
    public var alignment: TextAlignment
    /// Which columns go first when the table is too narrow: the lowest priority is dropped
    /// first (the rightmost among equals).
    public var priority: Int

    /// A column.
    public init(_ title: String, width: ColumnWidth, alignment: TextAlignment = .left, priority: Int = 0) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.priority = priority
    }
}

/// One cell of a table row: text (untrusted is fine, it is sanitised) and an optional style.
public struct TableCell: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The cell's text.
    public var text: String
    /// The cell's style; `nil` for the row's style.
    public var style: StyleName?

    /// A cell.
    public init(_ text: String, style: StyleName? = nil) {
        self.text = text
        self.style = style
    }

    /// A cell from a literal, in the row's style.
    public init(stringLiteral value: String) {
        self.init(value)
    }
}
