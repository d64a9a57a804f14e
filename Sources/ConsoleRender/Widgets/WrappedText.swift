import SafeText

/// A paragraph wrapped to a width, measured in display columns.
///
/// The text is sanitised as a paragraph (line breaks kept, tabs expanded), then each line is
/// wrapped greedily at spaces; runs of spaces collapse at a break. A word longer than the
/// width is broken between characters, never inside one (a wide character is never split).
public enum WrappedText {
    /// The wrapped lines of `text` for `width` columns; each line is at most `width` wide
    /// (except a single wide character in a one-column width, which cannot be split).
    ///
    /// - Parameter limit: the most lines the caller can show. Wrapping stops after `limit + 1` lines (one more,
    ///   so that the caller can tell the text goes on and mark the cut), and only as much text as can fill them
    ///   is read: a hostile 1 MB rationale costs no more to draw than a screenful.
    public static func lines(_ text: String, width: Int, charset: TerminalCharset, limit: Int = 1024) -> [String] {
        guard width > 0, limit >= 0 else { return [] }
        let wanted = limit < Int.max ? limit + 1 : limit
        // Each line holds at most `width` characters; three scalars each (a base and two marks) and a break cover
        // any real text. Text denser than that (stacked marks) is only cut sooner.
        let (budget, overflow) = wanted.multipliedReportingOverflow(by: width * 3 + 1)
        let safe = Sanitizer.paragraph(
            text, charset: charset, maxScalars: overflow ? Sanitizer.defaultParagraphLimit : min(Sanitizer.defaultParagraphLimit, budget)
        )
        var lines: [String] = []
        for paragraph in safe.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrap(String(paragraph), width: width, limit: wanted - lines.count)
            if lines.count >= wanted { return Array(lines.prefix(wanted)) }
        }
        return lines
    }

    /// Draws the wrapped text in `rect`, one line per row, and cuts what does not fit:
    /// the last row then ends with an ellipsis.
    ///
    /// - Returns: the number of rows drawn.
    @discardableResult
    public static func render(_ text: String, into grid: inout CellGrid, in rect: Rect, style: StyleName = .normal) -> Int {
        guard !rect.isEmpty else { return 0 }
        var wrapped = lines(text, width: rect.width, charset: grid.charset, limit: rect.height)
        if wrapped.count > rect.height {
            wrapped = Array(wrapped.prefix(rect.height))
            let last = wrapped[wrapped.count - 1]
            let ellipsis = grid.charset.ellipsis
            wrapped[wrapped.count - 1] = TextFit.truncate(last, toWidth: rect.width - DisplayWidth.of(ellipsis),
                                                          ellipsis: "") + ellipsis
        }
        for (offset, line) in wrapped.enumerated() {
            grid.put(line, x: rect.x, y: rect.y + offset, style: style, maxWidth: rect.width)
        }
        return wrapped.count
    }

    /// Greedy wrap of one line without line breaks, stopping once `limit` lines are made.
    private static func wrap(_ line: String, width: Int, limit: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in line.split(separator: " ") {
            if lines.count >= limit { return lines }
            var word = String(word)
            var wordWidth = DisplayWidth.of(word)
            if currentWidth > 0, currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
                continue
            }
            if currentWidth > 0 {
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            while wordWidth > width {
                if lines.count >= limit { return lines }
                var head = TextFit.prefix(of: word, fittingIn: width)
                if head.isEmpty, let first = word.first { head = String(first) }
                lines.append(head)
                word.removeFirst(head.count)
                wordWidth = DisplayWidth.of(word)
            }
            current = word
            currentWidth = wordWidth
        }
        if currentWidth > 0 || lines.isEmpty { lines.append(current) }
        return lines
    }
}
