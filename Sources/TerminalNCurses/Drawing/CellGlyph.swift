import ConsoleRender
import SafeText

/// What to hand to ncurses for one cell. Pure (the width function is passed in).
///
/// The grid is already sanitised; this is the last guard before the terminal: nothing
/// unsafe, nothing but ASCII in an ASCII locale, and never a width ncurses disagrees with,
/// which would shift the rest of the row on screen.
enum CellGlyph {
    /// One ncurses cell to write: a spacing character and its combining marks, `offset`
    /// columns right of the grid cell.
    struct Piece: Hashable {
        /// Columns from the grid cell's column.
        var offset: Int
        /// The scalars, at most `CCHARW_MAX`.
        var scalars: [Unicode.Scalar]
    }

    /// The pieces to write for a cell taking `columns` columns: usually one piece, the cell's
    /// grapheme; a replacement (`?`, or a character alone) is followed by spaces up to `columns`.
    ///
    /// - Parameters:
    ///   - cell: the cell (a continuation cell is drawn as a space).
    ///   - columns: the columns the grid gives it (see ``CellDiff/columns(at:row:in:)``).
    ///   - charset: `.ascii` turns anything outside printable ASCII into `?`.
    ///   - maxScalars: the most scalars one ncurses cell holds (`CCHARW_MAX`); marks beyond are dropped.
    ///   - width: the terminal library's width of a scalar (`wcwidth`): -1 unprintable, 0 a mark.
    static func pieces(
        for cell: Cell,
        columns: Int,
        charset: TerminalCharset,
        maxScalars: Int,
        width: (Unicode.Scalar) -> Int
    ) -> [Piece] {
        let space: Unicode.Scalar = " "
        guard !cell.isContinuation, let first = cell.grapheme.unicodeScalars.first else {
            return padded([space], usedColumns: 1, columns: columns)
        }
        let scalars = Array(cell.grapheme.unicodeScalars.prefix(max(1, maxScalars)))
        let acceptable = scalars.allSatisfy { scalar in
            Sanitizer.isSafe(scalar) && (charset == .utf8 || (scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F))
        }
        guard acceptable else {
            return padded(["?"], usedColumns: 1, columns: columns)
        }
        let firstWidth = width(first)
        let marksFit = scalars.dropFirst().allSatisfy { width($0) == 0 }
        if firstWidth == columns, marksFit {
            return [Piece(offset: 0, scalars: scalars)]
        }
        if firstWidth >= 1, firstWidth <= columns {
            // The C library gives the character fewer columns than the grid: write it (alone,
            // if a following scalar would take columns of its own), then spaces up to the grid's width.
            return padded(marksFit ? scalars : [first], usedColumns: firstWidth, columns: columns)
        }
        return padded(["?"], usedColumns: 1, columns: columns)
    }

    /// `scalars` at offset 0, then spaces from `usedColumns` up to `columns`.
    private static func padded(_ scalars: [Unicode.Scalar], usedColumns: Int, columns: Int) -> [Piece] {
        [Piece(offset: 0, scalars: scalars)]
            + (usedColumns..<max(usedColumns, columns)).map { Piece(offset: $0, scalars: [" "]) }
    }
}
