import SafeText

/// One line made of parts in their own styles, drawn left to right and cut with an ellipsis where the room
/// runs out: `Agent  hydro-planner · submitted by ops-nuit`.
struct StyledLine: Sendable, Hashable {
    /// One piece of text (untrusted is fine: it is sanitised when drawn) and its style.
    struct Part: Sendable, Hashable {
        var text: String
        var style: StyleName

        /// A part.
        init(_ text: String, _ style: StyleName = .normal) {
            self.text = text
            self.style = style
        }
    }

    /// The parts, left to right.
    var parts: [Part]

    /// A line of parts.
    init(_ parts: [Part]) {
        self.parts = parts
    }

    /// A line of one part.
    init(_ text: String, _ style: StyleName = .normal) {
        self.parts = [Part(text, style)]
    }

    /// `label` padded to `labelWidth` in dim (and always followed by a space), then the parts: the label column
    /// of a detail pane.
    static func field(_ label: String, labelWidth: Int = DetailPane.labelWidth, _ parts: [Part]) -> StyledLine {
        let padded = TextFit.pad(label, toWidth: labelWidth)
        return StyledLine([Part(padded.hasSuffix(" ") || padded.isEmpty ? padded : padded + " ", .dim)] + parts)
    }

    /// `label` padded to `labelWidth` in dim, then `value`.
    static func field(_ label: String, labelWidth: Int = DetailPane.labelWidth, _ value: String, _ style: StyleName = .normal) -> StyledLine {
        field(label, labelWidth: labelWidth, [Part(value, style)])
    }

    /// The plain text.
    var text: String { parts.map(\.text).joined() }

    /// Draws the line from (`x`, `y`) in at most `width` columns and returns the columns used. When the parts do
    /// not all fit, the part where the room runs out is cut and ends with an ellipsis; the parts after it are
    /// left out.
    @discardableResult
    func render(into grid: inout CellGrid, x: Int, y: Int, width: Int) -> Int {
        guard width > 0 else { return 0 }
        let charset = grid.charset
        let safe = parts.map { Part(Sanitizer.line($0.text, charset: charset), $0.style) }
        let total = safe.reduce(0) { $0 + DisplayWidth.of($1.text) }
        var column = x
        if total <= width {
            for part in safe { column += grid.put(part.text, x: column, y: y, style: part.style, maxWidth: x + width - column) }
            return column - x
        }
        let ellipsis = charset.ellipsis
        let room = width - DisplayWidth.of(ellipsis)
        for part in safe {
            let partWidth = DisplayWidth.of(part.text)
            if column - x + partWidth <= room {
                column += grid.put(part.text, x: column, y: y, style: part.style, maxWidth: partWidth)
                continue
            }
            let head = TextFit.prefix(of: part.text, fittingIn: max(0, room - (column - x)))
            column += grid.put(head, x: column, y: y, style: part.style, maxWidth: DisplayWidth.of(head))
            column += grid.put(ellipsis, x: column, y: y, style: part.style, maxWidth: x + width - column)
            break
        }
        return column - x
    }

    /// The display width of the (sanitised) line.
    func width(charset: TerminalCharset) -> Int {
        parts.reduce(0) { $0 + DisplayWidth.of(Sanitizer.line($1.text, charset: charset)) }
    }
}
