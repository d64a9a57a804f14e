import ConsoleCore
import SafeText

/// A section rule of the overview, with an optional note near its right end in a style of its own
/// (`─ Capacity ───────────── registry ✗ stale 42s ─`).
enum OverviewRule {
    static func draw(
        _ title: String, note: String?, noteStyle: StyleName = .dim, into grid: inout CellGrid, x: Int, y: Int, width: Int
    ) {
        SectionRule(title: grid.tr.template(title), trailing: note).render(into: &grid, x: x, y: y, width: width)
        guard let note, noteStyle != .dim else { return }
        // SectionRule draws the note dim, two columns from the end, when it fits: restyle it.
        let noteWidth = DisplayWidth.of(Sanitizer.line(note, charset: grid.charset))
        let start = x + width - 2 - noteWidth
        guard start > x, grid[start, y].style == .dim else { return }
        grid.setStyle(noteStyle, in: Rect(x: start, y: y, width: noteWidth, height: 1))
    }
}
