import ConsoleCore
import SafeText

/// The screen as a fixed grid of cells, in memory: what widgets and screens draw into,
/// what the terminal backend copies to ncurses, and what golden tests compare.
///
/// Text enters only through ``put(_:x:y:style:maxWidth:)`` and ``fill(_:with:style:)``,
/// which sanitise it for the grid's ``charset``: no caller can put a control character,
/// an escape sequence or a bidi override into a cell. Wide characters take a cell and a
/// continuation cell; overwriting half of one blanks the other half, so the grid never holds
/// half a character.
public struct CellGrid: Sendable, Hashable, CustomStringConvertible {
    /// The number of columns.
    public let width: Int
    /// The number of rows.
    public let height: Int
    /// What the terminal can show; text and glyphs are chosen for it.
    public let charset: TerminalCharset
    /// The language of the words drawn: `grid.tr("…")` (set from the console state when a frame is rendered).
    public var tr: Localizer = .english
    /// All cells, row after row.
    public private(set) var cells: [Cell]

    /// A grid of blank cells in `style`.
    public init(width: Int, height: Int, charset: TerminalCharset, style: StyleName = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.charset = charset
        self.cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// The glyphs for this grid's charset.
    public var glyphs: GlyphSet { GlyphSet.for(charset) }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (`x`, `y`); a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard bounds.contains(x: x, y: y) else { return .blank() }
        return cells[y * width + x]
    }

    // MARK: Writing

    /// Writes one line of text from (`x`, `y`), sanitised for the grid's charset.
    ///
    /// Text is clipped at the grid's right edge and after `maxWidth` columns; a wide
    /// character that does not fit in the last column becomes a space. Nothing is written
    /// outside the grid (a row outside it, or columns left of 0, are skipped).
    ///
    /// - Parameters:
    ///   - text: any text, trusted or not.
    ///   - x: the first column.
    ///   - y: the row.
    ///   - style: the style of every written cell.
    ///   - maxWidth: the most columns to write; `nil` for up to the right edge.
    /// - Returns: the number of columns the text took, from `x` (clipped cells included).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: StyleName = .normal, maxWidth: Int? = nil) -> Int {
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        guard y >= 0, y < height, x < limit else { return 0 }
        let budget = max(16, (limit - x) * (Sanitizer.maximumMarksPerCharacter + 2))
        return putSanitized(Sanitizer.line(text, charset: charset, maxScalars: budget), x: x, y: y, style: style, limit: limit)
    }

    /// Writes text already sanitised for this grid's charset, clipped at column `limit`.
    private mutating func putSanitized(_ safe: String, x: Int, y: Int, style: StyleName, limit: Int) -> Int {
        var column = x
        for character in safe {
            let characterWidth = DisplayWidth.of(character)
            guard characterWidth > 0 else { continue }
            if column + characterWidth > limit {
                if column < limit { write(.blank(style), x: column, y: y) }
                column = limit
                break
            }
            if column >= 0 {
                write(Cell(grapheme: String(character), style: style), x: column, y: y)
                for extra in 1..<characterWidth { write(.continuation(style), x: column + extra, y: y) }
            } else {
                // Straddles the left edge: show the visible half as spaces.
                for part in 0..<characterWidth where column + part >= 0 { write(.blank(style), x: column + part, y: y) }
            }
            column += characterWidth
        }
        return column - x
    }

    /// Writes text cut or padded to exactly `width` columns (see ``TextFit/fit(_:width:alignment:ellipsis:)``),
    /// sanitised first so that the width is measured on what is shown.
    ///
    /// - Returns: the number of columns written (`width`, unless clipped by the grid).
    @discardableResult
    public mutating func put(
        _ text: String,
        x: Int,
        y: Int,
        width fieldWidth: Int,
        alignment: TextAlignment = .left,
        style: StyleName = .normal
    ) -> Int {
        guard fieldWidth > 0 else { return 0 }
        let safe = Sanitizer.line(text, charset: charset, maxScalars: max(16, fieldWidth * 8))
        let fitted = TextFit.fit(safe, width: fieldWidth, alignment: alignment, ellipsis: charset.ellipsis)
        let limit = min(width, x + fieldWidth)
        guard y >= 0, y < height, x < limit else { return 0 }
        // Fitting sanitised text only cuts it and adds spaces and the charset's ellipsis: it stays sanitised.
        return putSanitized(fitted, x: x, y: y, style: style, limit: limit)
    }

    /// Fills a rectangle with a one-column grapheme (a space by default) in `style`.
    /// A grapheme that is not exactly one column wide once sanitised is replaced by a space.
    public mutating func fill(_ rect: Rect, with grapheme: String = " ", style: StyleName = .normal) {
        let safe = Sanitizer.line(grapheme, charset: charset, maxScalars: 16)
        let filler = safe.count == 1 && DisplayWidth.of(safe) == 1 ? safe : " "
        let area = rect.intersection(bounds)
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                write(Cell(grapheme: filler, style: style), x: column, y: row)
            }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping its text.
    public mutating func setStyle(_ style: StyleName, in rect: Rect) {
        let area = rect.intersection(bounds)
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                cells[row * width + column].style = style
            }
        }
    }

    /// Copies `other` (same width and charset) into this grid with its first row at row `y`, cut at the bottom.
    public mutating func paste(_ other: CellGrid, atRow y: Int) {
        guard other.width == width, y >= 0, y < height else { return }
        let rows = min(other.height, height - y)
        cells.replaceSubrange((y * width)..<((y + rows) * width), with: other.cells[0..<(rows * width)])
    }

    /// Writes one cell, keeping wide characters whole: a half overwritten blanks the other half.
    private mutating func write(_ cell: Cell, x: Int, y: Int) {
        guard bounds.contains(x: x, y: y) else { return }
        let rowStart = y * width
        let old = cells[rowStart + x]
        if old.isContinuation && !cell.isContinuation {
            // The wide character to the left loses its right half: blank all of it.
            var lead = x - 1
            while lead >= 0, cells[rowStart + lead].isContinuation {
                cells[rowStart + lead] = .blank(cells[rowStart + lead].style)
                lead -= 1
            }
            if lead >= 0 { cells[rowStart + lead] = .blank(cells[rowStart + lead].style) }
        }
        cells[rowStart + x] = cell
        // Continuation cells to the right belonged to whatever covered this cell: blank them.
        // (A new wide character writes its own continuation cells after its lead.)
        var next = x + 1
        while next < width, cells[rowStart + next].isContinuation {
            cells[rowStart + next] = .blank(cells[rowStart + next].style)
            next += 1
        }
    }

    // MARK: Reading

    /// Row `y` as plain text: one grapheme per cell, nothing for continuation cells.
    public func row(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for cell in cells[(y * width)..<((y + 1) * width)] where !cell.isContinuation {
            text += cell.grapheme
        }
        return text
    }

    /// Row `y` as style codes (see ``StyleName/code``): exactly one character per cell,
    /// continuation cells included, so it lines up with the row's columns.
    public func styleRow(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        return String(cells[(y * width)..<((y + 1) * width)].map(\.style.code))
    }

    /// All rows as plain text, joined by `\n`.
    public var text: String {
        (0..<height).map(row).joined(separator: "\n")
    }

    /// All style rows, joined by `\n`.
    public var styleText: String {
        (0..<height).map(styleRow).joined(separator: "\n")
    }

    /// The text, then the style rows: readable in a failed test's output.
    public var description: String {
        text + "\n" + String(repeating: "-", count: width) + "\n" + styleText
    }
}
