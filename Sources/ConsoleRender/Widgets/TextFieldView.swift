import ConsoleCore
import SafeText

/// Draws the visible part of a ``ConsoleCore/TextField`` on one row.
///
/// The field scrolls horizontally so that the cursor is always visible: when the text before
/// the cursor is wider than the field, the first column shows an ellipsis and the text starts
/// just far enough in. Text that runs past the right edge ends with an ellipsis. The empty
/// part is filled with `_`, so the field shows without colour. When focused, the cell under
/// the cursor is drawn in ``StyleName/fieldCursor``. Widths are display columns: a wide
/// character is never split.
public struct TextFieldView: Sendable, Hashable {
    /// The field to draw.
    public var field: TextField
    /// Whether the field has the keyboard focus (shows the cursor).
    public var isFocused: Bool

    /// A view of `field`.
    public init(field: TextField, isFocused: Bool) {
        self.field = field
        self.isFocused = isFocused
    }

    /// Draws the field on row `y` from column `x`, `width` columns wide.
    ///
    /// - Returns: the screen column of the cursor when focused (for the terminal cursor),
    ///   `nil` otherwise or when there is no room.
    @discardableResult
    public func render(into grid: inout CellGrid, x: Int, y: Int, width: Int) -> Int? {
        guard width > 0 else { return nil }
        let glyphs = grid.glyphs
        // Each character as the terminal will show it, with its width.
        let pieces = field.text.map { Sanitizer.line(String($0), charset: grid.charset) }
        let widths = pieces.map { DisplayWidth.of($0) }
        let cursor = min(field.cursor, pieces.count)
        let cursorCellWidth = cursor < pieces.count ? max(1, widths[cursor]) : 1

        let total = widths.reduce(0, +)
        let endCellWidth = cursor == pieces.count ? 1 : 0
        let ellipsisWidth = DisplayWidth.of(glyphs.ellipsis)

        // The first shown character: 0 when the text (or the part up to the cursor, with room
        // for an ellipsis after it) fits; else as far left as the cursor allows, with an
        // ellipsis in the first column.
        var start = 0
        if total + endCellWidth > width {
            let rightReserve = cursor + 1 < pieces.count ? ellipsisWidth : 0
            let beforeCursor = widths[..<cursor].reduce(0, +)
            if beforeCursor + cursorCellWidth + rightReserve > width {
                var used = ellipsisWidth + cursorCellWidth + rightReserve
                start = cursor
                while start > 0, used + widths[start - 1] <= width {
                    used += widths[start - 1]
                    start -= 1
                }
            }
        }

        grid.fill(Rect(x: x, y: y, width: width, height: 1), with: glyphs.fieldFill, style: .fieldText)
        let end = x + width
        var column = x
        if start > 0 {
            column += grid.put(glyphs.ellipsis, x: column, y: y, style: .fieldText, maxWidth: width)
        }
        var cursorColumn: Int? = nil
        // widthFrom[i]: the width of the text from character i to the end.
        var widthFrom = Array(repeating: 0, count: pieces.count + 1)
        for index in pieces.indices.reversed() { widthFrom[index] = widthFrom[index + 1] + widths[index] }
        for index in start..<pieces.count {
            let moreAfter = index + 1 < pieces.count ? ellipsisWidth : 0
            let restFits = column + widthFrom[index] <= end
            if index > cursor, !restFits, column + widths[index] + moreAfter > end {
                // More text than room: mark the cut in the last column.
                grid.put(glyphs.ellipsis, x: end - ellipsisWidth, y: y, style: .fieldText, maxWidth: ellipsisWidth)
                break
            }
            let isCursor = index == cursor
            if isCursor { cursorColumn = column }
            let style: StyleName = isCursor && isFocused ? .fieldCursor : .fieldText
            column += grid.put(pieces[index], x: column, y: y, style: style, maxWidth: end - column)
        }
        if cursor == pieces.count, column < end {
            cursorColumn = column
            if isFocused { grid.setStyle(.fieldCursor, in: Rect(x: column, y: y, width: 1, height: 1)) }
        }
        return isFocused ? cursorColumn : nil
    }
}
