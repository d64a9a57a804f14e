import ConsoleCore
import SafeText

/// A plain-text table for the command line: columns line up by display width (accents, Tifinagh and wide
/// characters included), and one flexible column is cut with an ellipsis to fit the terminal width.
struct TextTable {
    struct Column {
        var title: String
        var alignment: TextAlignment = .left
        /// The column that shrinks when the table is too wide.
        var flexible = false
    }

    var columns: [Column]
    var rows: [[String]] = []
    let charset: TerminalCharset
    /// The language of the headings (the cells are data and stay as they are).
    let tr: Localizer

    init(_ columns: [Column], charset: TerminalCharset, tr: Localizer = .english) {
        self.columns = columns
        self.charset = charset
        self.tr = tr
    }

    /// Adds a row; every cell is sanitised for the output charset.
    mutating func add(_ cells: [String]) {
        rows.append(cells.map { Sanitizer.line($0, charset: charset, maxScalars: 512) })
    }

    /// The table as lines, at most `width` columns wide.
    func render(width: Int) -> String {
        let titles = columns.map { Sanitizer.line(tr.template($0.title), charset: charset) }
        var widths = titles.map { DisplayWidth.of($0) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        let total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        if total > width, let flexible = columns.firstIndex(where: \.flexible) {
            widths[flexible] = max(8, widths[flexible] - (total - width))
        }
        let lines = [titles] + rows
        return lines.map { cells in
            zip(columns.indices, cells).map { index, cell in
                let isLast = index == columns.count - 1
                if isLast && columns[index].alignment == .left {
                    return TextFit.truncate(cell, toWidth: widths[index], ellipsis: charset.ellipsis)
                }
                return TextFit.fit(cell, width: widths[index], alignment: columns[index].alignment, ellipsis: charset.ellipsis)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
