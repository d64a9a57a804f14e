/// One terminal cell: a grapheme and its style.
///
/// A wide character (CJK, some emoji) takes two cells: the first holds the grapheme, the
/// second is a *continuation* cell that holds nothing and is skipped when the grid is drawn.
public struct Cell: Sendable, Hashable {
    /// One `Character` of sanitised text (empty in a continuation cell).
    public var grapheme: String
    /// What the cell means; the theme decides how it looks.
    public var style: StyleName
    /// Whether this cell is the right half of the wide character in the cell before it.
    public var isContinuation: Bool

    /// A cell holding `grapheme`.
    public init(grapheme: String, style: StyleName = .normal, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A space in `style`.
    public static func blank(_ style: StyleName = .normal) -> Cell {
        Cell(grapheme: " ", style: style)
    }

    /// The right half of a wide character, in `style`.
    public static func continuation(_ style: StyleName) -> Cell {
        Cell(grapheme: "", style: style, isContinuation: true)
    }
}
