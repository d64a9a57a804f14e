import SafeText

/// A section header line: `─ Capacity ───────────── sort: due ↑ ─`.
///
/// The title is drawn in ``StyleName/title``, the optional trailing text in
/// ``StyleName/dim``, the line in ``StyleName/border``. A title too long for the width is cut
/// with an ellipsis; the trailing text is left out when it does not fit.
public struct SectionRule: Sendable, Hashable {
    /// The section's name (untrusted text is fine: it is sanitised).
    public var title: String
    /// Text near the right end, such as the sort order; `nil` for none.
    public var trailing: String?

    /// A rule with a title and optional trailing text.
    public init(title: String, trailing: String? = nil) {
        self.title = title
        self.trailing = trailing
    }

    /// Draws the rule on row `y` from column `x`, `width` columns wide.
    public func render(into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        guard width > 0 else { return }
        let line = grid.glyphs.horizontal
        let charset = grid.charset
        grid.put(String(repeating: line, count: width), x: x, y: y, style: .border, maxWidth: width)
        guard width >= 5 else { return }
        let safeTitle = Sanitizer.line(title, charset: charset)
        // "─ " + title + " " + at least one line cell.
        let shownTitle = TextFit.truncate(safeTitle, toWidth: width - 4, ellipsis: charset.ellipsis)
        let titleWidth = DisplayWidth.of(shownTitle)
        grid.put(" ", x: x + 1, y: y, style: .border)
        grid.put(shownTitle, x: x + 2, y: y, style: .title, maxWidth: titleWidth)
        grid.put(" ", x: x + 2 + titleWidth, y: y, style: .border)
        guard let trailing else { return }
        let safeTrailing = Sanitizer.line(trailing, charset: charset)
        let trailingWidth = DisplayWidth.of(safeTrailing)
        // Title part, at least three line cells, " " + trailing + " " + one line cell.
        let trailingStart = x + width - 2 - trailingWidth
        guard trailingStart - 1 >= x + 2 + titleWidth + 1 + 3 else { return }
        grid.put(" ", x: trailingStart - 1, y: y, style: .border)
        grid.put(safeTrailing, x: trailingStart, y: y, style: .dim, maxWidth: trailingWidth)
        grid.put(" ", x: trailingStart + trailingWidth, y: y, style: .border)
    }
}
