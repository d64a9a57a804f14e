import SafeText

/// A section rule whose title and trailing text are made of parts in their own styles:
/// `─ Audit trail · 118 records · chain ✗ BROKEN at 57 ──── newest first ─`.
///
/// Like ``SectionRule``: the line in ``StyleName/border``, the title from the third column, the trailing text
/// near the right end (left out when it does not fit). A title too long is cut with an ellipsis in the part
/// where the room runs out. Parts are sanitised when drawn.
struct ListRule: Sendable, Hashable {
    /// The title, after `─ `.
    var title: StyledLine
    /// The text near the right end; empty for none.
    var trailing: StyledLine

    /// A rule with a title and optional trailing text.
    init(title: [StyledLine.Part], trailing: [StyledLine.Part] = []) {
        self.title = StyledLine(title)
        self.trailing = StyledLine(trailing)
    }

    /// Draws the rule on row `y` from column `x`, `width` columns wide.
    func render(into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        guard width > 0 else { return }
        let charset = grid.charset
        grid.put(String(repeating: grid.glyphs.horizontal, count: width), x: x, y: y, style: .border, maxWidth: width)
        guard width >= 5 else { return }
        let titleWidth = min(width - 4, title.width(charset: charset))
        grid.put(" ", x: x + 1, y: y, style: .border)
        title.render(into: &grid, x: x + 2, y: y, width: titleWidth)
        grid.put(" ", x: x + 2 + titleWidth, y: y, style: .border)
        let trailingWidth = trailing.width(charset: charset)
        guard trailingWidth > 0 else { return }
        let trailingStart = x + width - 2 - trailingWidth
        guard trailingStart - 1 >= x + 2 + titleWidth + 1 + 3 else { return }
        grid.put(" ", x: trailingStart - 1, y: y, style: .border)
        trailing.render(into: &grid, x: trailingStart, y: y, width: trailingWidth)
        grid.put(" ", x: trailingStart + trailingWidth, y: y, style: .border)
    }
}
