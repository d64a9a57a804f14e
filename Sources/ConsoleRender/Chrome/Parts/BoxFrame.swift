import SafeText

/// A box over the screen: the area cleared in one style, a border, and a title in the top border
/// (`┌─ Keys · Approvals ──┐`, `+- Keys - Approvals --+` in ASCII).
enum BoxFrame {
    /// Clears `rect` in `style` and draws its border and title. The column on each side of the box is cleared too,
    /// so that no character of the screen beneath touches the border.
    static func draw(
        _ rect: Rect, title: String, into grid: inout CellGrid, style: StyleName, borderStyle: StyleName? = nil,
        titleStyle: StyleName
    ) {
        let border = borderStyle ?? style
        grid.fill(Rect(x: rect.x - 1, y: rect.y, width: rect.width + 2, height: rect.height).intersection(grid.bounds))
        guard rect.width >= 2, rect.height >= 2 else {
            grid.fill(rect, style: style)
            return
        }
        let glyphs = grid.glyphs
        grid.fill(rect, style: style)
        let line = String(repeating: glyphs.horizontal, count: rect.width - 2)
        grid.put(glyphs.topLeft + line + glyphs.topRight, x: rect.x, y: rect.y, style: border, maxWidth: rect.width)
        grid.put(glyphs.bottomLeft + line + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, style: border,
                 maxWidth: rect.width)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            grid.put(glyphs.vertical, x: rect.x, y: row, style: border)
            grid.put(glyphs.vertical, x: rect.maxX - 1, y: row, style: border)
        }
        guard rect.width >= 8 else { return }
        let safe = Sanitizer.line(title, charset: grid.charset)
        let room = rect.width - 6
        let shown = TextFit.truncate(safe, toWidth: room, ellipsis: grid.charset.ellipsis)
        let width = DisplayWidth.of(shown)
        grid.put(" ", x: rect.x + 2, y: rect.y, style: border)
        grid.put(shown, x: rect.x + 3, y: rect.y, style: titleStyle, maxWidth: width)
        grid.put(" ", x: rect.x + 3 + width, y: rect.y, style: border)
    }
}
