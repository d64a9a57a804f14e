import ConsoleRender
import SafeText
import Testing

@Suite("Wrapped text")
struct WrappedTextTests {
    @Test("greedy wrap at spaces")
    func wrap() {
        let lines = WrappedText.lines("Allocation des aides eau — Souss-Massa", width: 12, charset: .utf8)
        #expect(lines == ["Allocation", "des aides", "eau —", "Souss-Massa"])
        for line in lines { #expect(DisplayWidth.of(line) <= 12) }
    }

    @Test("long words break between characters, never inside one")
    func hardBreak() {
        #expect(WrappedText.lines("ⵜⴰⵎⴰⵣⵉⵖⵜ", width: 3, charset: .utf8) == ["ⵜⴰⵎ", "ⴰⵣⵉ", "ⵖⵜ"])
        #expect(WrappedText.lines("漢字漢字漢", width: 3, charset: .utf8) == ["漢", "字", "漢", "字", "漢"])
        #expect(WrappedText.lines("e\u{301}e\u{301}e\u{301}", width: 2, charset: .utf8) == ["e\u{301}e\u{301}", "e\u{301}"])
    }

    @Test("line breaks are kept, controls neutralised")
    func breaks() {
        #expect(WrappedText.lines("a\n\nb", width: 10, charset: .utf8) == ["a", "", "b"])
        #expect(WrappedText.lines("x\u{1B}[2J y", width: 10, charset: .utf8) == ["x␛[2J y"])
        #expect(WrappedText.lines("Béni Mellal", width: 6, charset: .ascii) == ["Beni", "Mellal"])
        #expect(WrappedText.lines("anything", width: 0, charset: .utf8) == [])
    }

    @Test("render cuts what does not fit with an ellipsis")
    func renderCut() {
        var grid = CellGrid(width: 10, height: 2, charset: .utf8)
        let rows = WrappedText.render("one two three four five six", into: &grid, in: grid.bounds, style: .dim)
        #expect(rows == 2)
        #expect(grid.row(0) == "one two   ")
        #expect(grid.row(1) == "three fou…")
        #expect(grid.styleRow(0) == "ddddddd...")
    }
}
