import ConsoleCore
import SafeText

/// The columns of a list screen placed across the screen: draws the headings and the rows of the list.
///
/// Rows start with the two-column marker gutter of ``TableView`` (the selection marker and a space), then the
/// columns placed by ``TableLayout`` (the least important dropped first when the terminal is narrow). Every cell
/// is cut or padded to its column in display columns, so accents, Tifinagh and wide characters line up. The
/// selected row is drawn with the marker and in ``StyleName/selected``; meters keep their level's style so the
/// bar stays readable.
struct ListFrame {
    /// The columns, left to right.
    let columns: [TableColumn]
    /// Where the kept columns sit.
    let placements: [ColumnPlacement]
    /// The first screen column of the list (the gutter).
    let x: Int
    /// The list's width, gutter included.
    let width: Int

    /// Places `columns` in `width` screen columns from `x`.
    init(columns: [TableColumn], x: Int = 0, width: Int, gap: Int = 2) {
        self.columns = columns
        self.x = x
        self.width = max(0, width)
        let gutter = min(TableView.gutterWidth, self.width)
        placements = TableLayout.place(columns, x: x + gutter, width: self.width - gutter, gap: gap)
    }

    /// Where column `index` sits, when shown.
    func placement(of index: Int) -> ColumnPlacement? {
        placements.first { $0.column == index }
    }

    /// Whether column `index` is shown at this width.
    func shows(_ index: Int) -> Bool { placement(of: index) != nil }

    /// Draws the headings on row `y`; the column the list is sorted by gets `↑` or `↓` after its title.
    func drawHeadings(into grid: inout CellGrid, y: Int, sortedColumn: Int? = nil, descending: Bool = false) {
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: .header)
        let glyphs = grid.glyphs
        for placement in placements {
            let column = columns[placement.column]
            var title = grid.tr.template(column.title)
            if placement.column == sortedColumn {
                let arrow = descending ? glyphs.arrowDown : glyphs.arrowUp
                let room = max(0, placement.width - 2)
                title = TextFit.truncate(Sanitizer.line(title, charset: grid.charset), toWidth: room, ellipsis: "") + " " + arrow
            }
            grid.put(title, x: placement.x, y: y, width: placement.width, alignment: column.alignment, style: .header)
        }
    }

    /// Draws one row on row `y`.
    func drawRow(_ cells: [ListCell], into grid: inout CellGrid, y: Int, selected: Bool) {
        let rowStyle: StyleName = selected ? .selected : .normal
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: rowStyle)
        if selected {
            grid.put(grid.glyphs.selectionMarker, x: x, y: y, style: .selected, maxWidth: min(TableView.gutterWidth, width))
        }
        for placement in placements where placement.column < cells.count {
            let alignment = columns[placement.column].alignment
            switch cells[placement.column] {
            case .text(let text, let style):
                grid.put(text, x: placement.x, y: y, width: placement.width, alignment: alignment,
                         style: selected ? .selected : (style ?? rowStyle))
            case .meter(let percent, let thresholds):
                Meter(percent: percent, thresholds: thresholds).render(into: &grid, x: placement.x, y: y, width: placement.width)
            case .sparkline(let values):
                Sparkline(values: values).render(into: &grid, x: placement.x, y: y, width: placement.width)
            }
        }
    }

    /// Draws a row whose data is not loaded (yet): a dim ellipsis, so a gap never passes for data.
    func drawMissingRow(into grid: inout CellGrid, y: Int, selected: Bool) {
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: selected ? .selected : .normal)
        if selected {
            grid.put(grid.glyphs.selectionMarker, x: x, y: y, style: .selected, maxWidth: min(TableView.gutterWidth, width))
        }
        let start = placements.first?.x ?? x + TableView.gutterWidth
        grid.put(grid.glyphs.ellipsis, x: start, y: y, style: .dim, maxWidth: 1)
    }

    /// Draws the visible rows of a list of `count` rows: row `i` of the screen shows absolute index `top + i`.
    ///
    /// `row` returns the cells of an absolute index, or `nil` when that row is not loaded. Only the visible
    /// indexes are asked for, so the work is proportional to the screen, not to the list.
    func drawRows(
        into grid: inout CellGrid, top firstRow: Int, rows visibleRows: Int, list: ListState, count: Int,
        row: (Int) -> [ListCell]?
    ) {
        for offset in 0..<max(0, visibleRows) {
            let index = list.top + offset
            guard index < count else { break }
            let y = firstRow + offset
            if let cells = row(index) {
                drawRow(cells, into: &grid, y: y, selected: index == list.selected)
            } else {
                drawMissingRow(into: &grid, y: y, selected: index == list.selected)
            }
        }
    }
}

extension ListFrame {
    /// Draws a message in the list's place (no data, nothing matches): from the list's first row, two columns in.
    /// A line too long for the terminal is wrapped (in the style of its first part).
    static func drawMessage(_ lines: [StyledLine], into grid: inout CellGrid, layout: ScreenLayout) {
        let x = TableView.gutterWidth
        let width = max(1, grid.width - x - 1)
        var rows: [StyledLine] = []
        for line in lines {
            if line.width(charset: grid.charset) <= width {
                rows.append(line)
            } else {
                let style = line.parts.first?.style ?? .normal
                rows += WrappedText.lines(line.text, width: width, charset: grid.charset, limit: grid.height).map { StyledLine($0, style) }
            }
        }
        for (offset, line) in rows.prefix(max(0, layout.listRows)).enumerated() {
            line.render(into: &grid, x: x, y: layout.listTop + offset, width: width)
        }
    }
}
