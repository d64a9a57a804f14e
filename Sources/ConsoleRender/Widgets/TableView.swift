import SafeText

/// A table: a header row, then rows of cells, one of them possibly selected, scrolled so that
/// a window of rows shows.
///
/// Layout: a two-column marker gutter on the left (the selection marker `▶`/`>` and a
/// space), then the columns placed by ``TableLayout/place(_:x:width:gap:)``, two columns apart.
/// Cell text is sanitised, cut with an ellipsis and aligned in its column, so every row takes
/// exactly the table's width and columns line up whatever the script (accents, Tifinagh, CJK).
/// The selected row is drawn in ``StyleName/selected`` with the marker, so selection does not
/// rely on colour.
public struct TableView: Sendable, Hashable {
    /// The width of the marker gutter.
    public static let gutterWidth = 2

    /// The columns, left to right.
    public var columns: [TableColumn]
    /// The rows; each holds one cell per column (missing cells are blank).
    public var rows: [[TableCell]]
    /// The selected row's index, if any.
    public var selectedRow: Int?
    /// The index of the first row shown (clamped when drawn).
    public var scrollOffset: Int
    /// Whether the first line shows the column titles.
    public var showsHeader: Bool
    /// The blank columns between two columns.
    public var columnGap: Int

    /// A table.
    public init(
        columns: [TableColumn],
        rows: [[TableCell]],
        selectedRow: Int? = nil,
        scrollOffset: Int = 0,
        showsHeader: Bool = true,
        columnGap: Int = 2
    ) {
        self.columns = columns
        self.rows = rows
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
        self.showsHeader = showsHeader
        self.columnGap = columnGap
    }

    /// The scroll offset that keeps `selected` in a window of `visibleRows` rows, moving as
    /// little as possible from `current`.
    public static func scrollOffset(keeping selected: Int, visible visibleRows: Int, current: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var offset = current
        if selected < offset { offset = selected }
        if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        return min(max(0, offset), max(0, rowCount - visibleRows))
    }

    /// Draws the table in `rect`.
    ///
    /// - Returns: where the shown columns were placed.
    @discardableResult
    public func render(into grid: inout CellGrid, in rect: Rect) -> [ColumnPlacement] {
        guard !rect.isEmpty else { return [] }
        let gutter = min(Self.gutterWidth, rect.width)
        let placements = TableLayout.place(columns, x: rect.x + gutter, width: rect.width - gutter, gap: columnGap)
        var y = rect.y
        if showsHeader {
            grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .header)
            for placement in placements {
                let column = columns[placement.column]
                grid.put(column.title, x: placement.x, y: y, width: placement.width,
                         alignment: column.alignment, style: .header)
            }
            y += 1
        }
        let visible = rect.maxY - y
        let first = min(max(0, scrollOffset), max(0, rows.count - visible))
        for index in rows.indices.dropFirst(first).prefix(max(0, visible)) {
            let isSelected = index == selectedRow
            let rowStyle: StyleName = isSelected ? .selected : .normal
            grid.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: rowStyle)
            if isSelected {
                grid.put(grid.glyphs.selectionMarker, x: rect.x, y: y, style: .selected, maxWidth: gutter)
            }
            for placement in placements {
                let cell = placement.column < rows[index].count ? rows[index][placement.column] : TableCell("")
                let style = isSelected ? .selected : (cell.style ?? rowStyle)
                grid.put(cell.text, x: placement.x, y: y, width: placement.width,
                         alignment: columns[placement.column].alignment, style: style)
            }
            y += 1
        }
        return placements
    }
}
