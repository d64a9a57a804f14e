import ConsoleRender
import SafeText
import Testing

@testable import TerminalNCurses

@Suite("What reaches ncurses for one cell")
struct CellGlyphTests {
    /// Widths as a UTF-8 C library gives them for the scalars used here.
    private static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x300...0x36F: 0
        case 0x6F22, 0x5B57, 0x1F600: 2
        case 0x10FFFD: -1
        default: 1
        }
    }

    private func pieces(_ cell: Cell, columns: Int = 1, charset: TerminalCharset = .utf8) -> [CellGlyph.Piece] {
        CellGlyph.pieces(for: cell, columns: columns, charset: charset, maxScalars: 5, width: Self.width)
    }

    private func piece(_ text: String, at offset: Int = 0) -> CellGlyph.Piece {
        CellGlyph.Piece(offset: offset, scalars: Array(text.unicodeScalars))
    }

    @Test("a character and its combining marks go in one cell")
    func plainAndMarks() {
        #expect(pieces(Cell(grapheme: "é")) == [piece("é")])
        #expect(pieces(Cell(grapheme: "e\u{301}")) == [piece("e\u{301}")])
        #expect(pieces(Cell(grapheme: "ⵜ")) == [piece("ⵜ")])
        #expect(pieces(Cell(grapheme: "漢"), columns: 2) == [piece("漢")])
    }

    @Test("continuation and empty cells are spaces")
    func blanks() {
        #expect(pieces(.continuation(.normal)) == [piece(" ")])
        #expect(pieces(Cell(grapheme: "")) == [piece(" ")])
    }

    @Test("in an ASCII locale only printable ASCII is sent; the rest is ?")
    func asciiOnly() {
        #expect(pieces(Cell(grapheme: "a"), charset: .ascii) == [piece("a")])
        #expect(pieces(Cell(grapheme: "é"), charset: .ascii) == [piece("?")])
        #expect(pieces(Cell(grapheme: "漢"), columns: 2, charset: .ascii) == [piece("?"), piece(" ", at: 1)])
    }

    @Test("control characters and bidi overrides never reach the terminal")
    func unsafe() {
        #expect(pieces(Cell(grapheme: "\u{1B}")) == [piece("?")])
        #expect(pieces(Cell(grapheme: "\u{9B}")) == [piece("?")])
        #expect(pieces(Cell(grapheme: "\u{202E}")) == [piece("?")])
    }

    @Test("when the C library measures a character otherwise, the row keeps its columns")
    func widthMismatch() {
        // Two columns in the grid, one for the C library: the character, then a space.
        #expect(pieces(Cell(grapheme: "✓"), columns: 2) == [piece("✓"), piece(" ", at: 1)])
        #expect(pieces(Cell(grapheme: "e\u{301}"), columns: 3) == [piece("e\u{301}"), piece(" ", at: 1), piece(" ", at: 2)])
        // One column in the grid, two for the C library: a single ?.
        #expect(pieces(Cell(grapheme: "漢"), columns: 1) == [piece("?")])
        // Unprintable for the C library.
        #expect(pieces(Cell(grapheme: "\u{10FFFD}")) == [piece("?")])
    }

    @Test("marks beyond what an ncurses cell holds are dropped")
    func tooManyMarks() {
        let text = "a" + String(repeating: "\u{301}", count: 7)
        let result = pieces(Cell(grapheme: text))
        #expect(result.count == 1)
        #expect(result.first?.scalars.count == 5)
    }
}
