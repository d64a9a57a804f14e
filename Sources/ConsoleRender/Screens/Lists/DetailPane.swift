import ConsoleCore
import SafeText

/// The detail pane under a list: a rule naming the selected item, then its lines.
///
/// Lines come in two groups. When the terminal is wide (``twoColumnWidth`` and more), the second group stands
/// beside the first; otherwise it follows it. Lines that do not fit in the pane's rows are left out and the last
/// row says how many: `… 3 more lines (a taller terminal shows them)`.
struct DetailPane {
    /// One item of the pane: a line, a wrapped paragraph, or a line drawn by a widget.
    enum Item {
        /// A line of styled parts.
        case line(StyledLine)
        /// A paragraph (untrusted, possibly several lines) wrapped to the column after a dim label, at most
        /// `maxLines` lines.
        case paragraph(label: String, text: String, style: StyleName, maxLines: Int)
        /// A line drawn by `draw(grid, x, y, width)` (meters, sparklines).
        case custom((inout CellGrid, Int, Int, Int) -> Void)
    }

    /// The width from which the second group is drawn beside the first.
    static let twoColumnWidth = 120
    /// The width of the label column of `StyledLine.field`.
    static let labelWidth = 11

    /// The rule naming the item.
    var rule: ListRule
    /// The first group of items.
    var main: [Item]
    /// The second group (beside the first when wide).
    var side: [Item]

    /// A pane.
    init(rule: ListRule, main: [Item], side: [Item] = []) {
        self.rule = rule
        self.main = main
        self.side = side
    }

    /// Draws the pane where `layout` puts it (nothing when the detail is closed).
    func render(into grid: inout CellGrid, layout: ScreenLayout) {
        guard let top = layout.detailTop else { return }
        let width = grid.width
        grid.fill(Rect(x: 0, y: top, width: width, height: layout.detailRows + 1))
        rule.render(into: &grid, x: 0, y: top, width: width)
        let rows = layout.detailRows
        guard rows > 0 else { return }
        let x = TableView.gutterWidth
        let usable = max(0, width - x - 1)
        if !side.isEmpty, width >= Self.twoColumnWidth {
            let gap = 3
            let leftWidth = (usable - gap) / 2
            Self.draw(main, into: &grid, x: x, y: top + 1, width: leftWidth, rows: rows)
            Self.draw(side, into: &grid, x: x + leftWidth + gap, y: top + 1, width: usable - leftWidth - gap, rows: rows)
        } else {
            Self.draw(main + side, into: &grid, x: x, y: top + 1, width: usable, rows: rows)
        }
    }

    /// Draws items as lines from row `y`, at most `rows` of them; the last row tells what was left out.
    private static func draw(_ items: [Item], into grid: inout CellGrid, x: Int, y: Int, width: Int, rows: Int) {
        var lines: [(inout CellGrid, Int) -> Void] = []
        for item in items {
            switch item {
            case .line(let line):
                lines.append { grid, row in line.render(into: &grid, x: x, y: row, width: width) }
            case .paragraph(let label, let text, let style, let maxLines):
                let textWidth = max(1, width - labelWidth)
                var wrapped = WrappedText.lines(text, width: textWidth, charset: grid.charset, limit: maxLines)
                if wrapped.isEmpty { wrapped = [""] }
                if wrapped.count > maxLines {
                    wrapped = Array(wrapped.prefix(maxLines))
                    let ellipsis = grid.charset.ellipsis
                    let last = wrapped[wrapped.count - 1]
                    wrapped[wrapped.count - 1] =
                        TextFit.truncate(last, toWidth: textWidth - DisplayWidth.of(ellipsis), ellipsis: "") + ellipsis
                }
                for (index, text) in wrapped.enumerated() {
                    let line = StyledLine.field(index == 0 ? grid.tr.template(label) : "", labelWidth: labelWidth, text, style)
                    lines.append { grid, row in line.render(into: &grid, x: x, y: row, width: width) }
                }
            case .custom(let draw):
                lines.append { grid, row in draw(&grid, x, row, width) }
            }
        }
        let shown = lines.count > rows ? rows - 1 : lines.count
        for index in 0..<max(0, shown) { lines[index](&grid, y + index) }
        if lines.count > rows {
            let hidden = lines.count - shown
            let more = StyledLine(grid.tr("\(grid.glyphs.ellipsis) \(ListFormat.counted(hidden, "more line", grid.tr)) (a taller terminal shows them)"), .dim)
            more.render(into: &grid, x: x, y: y + shown, width: width)
        }
    }
}
