import ConsoleRender
import SafeText
import Testing

@Suite("Cell grid")
struct CellGridTests {
    @Test("put writes text and styles, and returns the columns taken")
    func put() {
        var grid = CellGrid(width: 10, height: 2, charset: .utf8)
        let written = grid.put("Rabat", x: 2, y: 0, style: .ok)
        #expect(written == 5)
        #expect(grid.row(0) == "  Rabat   ")
        #expect(grid.styleRow(0) == "..ooooo...")
        #expect(grid.row(1) == "          ")
        #expect(grid.text == "  Rabat   \n          ")
    }

    @Test("put clips at the right edge and at maxWidth")
    func clipping() {
        var grid = CellGrid(width: 8, height: 1, charset: .utf8)
        #expect(grid.put("Guelmim-Oued Noun", x: 3, y: 0) == 5)
        #expect(grid.row(0) == "   Guelm")
        var other = CellGrid(width: 8, height: 1, charset: .utf8)
        #expect(other.put("Guelmim", x: 0, y: 0, maxWidth: 3) == 3)
        #expect(other.row(0) == "Gue     ")
        #expect(other.put("x", x: 0, y: 5) == 0)  // row outside the grid
        #expect(other.put("abc", x: -2, y: 0) == 3)  // two columns left of the grid, one shown
        #expect(other.row(0) == "cue     ")
    }

    @Test("wide characters take a cell and a continuation cell")
    func wideCharacters() {
        var grid = CellGrid(width: 6, height: 1, charset: .utf8)
        grid.put("漢字x", x: 0, y: 0, style: .info)
        #expect(grid.row(0) == "漢字x ")
        #expect(grid[1, 0].isContinuation)
        #expect(grid[1, 0].grapheme == "")
        #expect(grid[2, 0].grapheme == "字")
        #expect(grid.styleRow(0) == "iiiii.")
        #expect(DisplayWidth.of(grid.row(0)) == 6)
    }

    @Test("a wide character that does not fit at the edge becomes a space")
    func wideAtEdge() {
        var grid = CellGrid(width: 5, height: 1, charset: .utf8)
        grid.fill(grid.bounds, with: "-")
        #expect(grid.put("ab漢", x: 2, y: 0, style: .warn) == 3)
        #expect(grid.row(0) == "--ab ")
        #expect(grid.styleRow(0) == "..www")
        var limited = CellGrid(width: 6, height: 1, charset: .utf8)
        #expect(limited.put("a漢", x: 0, y: 0, maxWidth: 2) == 2)
        #expect(limited.row(0) == "a     ")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func overwriteHalf() {
        var grid = CellGrid(width: 6, height: 1, charset: .utf8)
        grid.put("漢字漢", x: 0, y: 0)
        grid.put("x", x: 1, y: 0)  // right half of 漢
        #expect(grid.row(0) == " x字漢")
        grid.put("y", x: 2, y: 0)  // left half of 字
        #expect(grid.row(0) == " xy 漢")
        grid.put("字", x: 3, y: 0)  // over the blank and the lead of 漢
        #expect(grid.row(0) == " xy字 ")
        #expect(!grid[5, 0].isContinuation)
        #expect(DisplayWidth.of(grid.row(0)) == 6)
    }

    @Test("put sanitises: no escape reaches a cell", arguments: [TerminalCharset.utf8, .ascii])
    func sanitisesOnPut(charset: TerminalCharset) {
        var grid = CellGrid(width: 40, height: 1, charset: charset)
        grid.put("ok\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}1m\u{202E}x\n", x: 0, y: 0)
        let row = grid.row(0)
        #expect(!row.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(!row.unicodeScalars.contains { $0 == "\u{202E}" })
        if charset == .utf8 {
            #expect(row.hasPrefix("ok␛]0;pwned␇␛[2J⍰1m⍰x␊"))
        } else {
            #expect(row.hasPrefix("ok^[]0;pwned^G^[[2J<U+009B>1m<U+202E>x^J"))
        }
        for cell in grid.cells {
            #expect(cell.grapheme.unicodeScalars.allSatisfy { Sanitizer.isSafe($0) })
        }
    }

    @Test("ASCII grids transliterate")
    func asciiGrid() {
        var grid = CellGrid(width: 12, height: 1, charset: .ascii)
        grid.put("Béni ⵜⴰ", x: 0, y: 0)
        #expect(grid.row(0) == "Beni ??     ")
    }

    @Test("fill and setStyle")
    func fillAndStyle() {
        var grid = CellGrid(width: 5, height: 3, charset: .utf8)
        grid.fill(Rect(x: 1, y: 1, width: 3, height: 5), with: "#", style: .border)
        #expect(grid.text == "     \n ### \n ### ")
        grid.setStyle(.selected, in: Rect(x: 0, y: 2, width: 2, height: 1))
        #expect(grid.styleText == ".....\n.bbb.\nssbb.")
        grid.fill(grid.bounds, with: "\u{1B}")  // sanitised like any text
        #expect(grid.row(0) == "␛␛␛␛␛")
        grid.fill(grid.bounds, with: "漢")  // not one column wide: a space
        #expect(grid.row(0) == "     ")
        #expect(!grid.cells.contains { $0.isContinuation })
    }

    @Test("equal grids compare equal, different ones do not")
    func equality() {
        var one = CellGrid(width: 4, height: 1, charset: .utf8)
        var two = CellGrid(width: 4, height: 1, charset: .utf8)
        one.put("ab", x: 0, y: 0)
        two.put("ab", x: 0, y: 0)
        #expect(one == two)
        two.setStyle(.dim, in: two.bounds)
        #expect(one != two)
    }
}
