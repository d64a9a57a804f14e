import ConsoleRender
import SafeText
import Testing

@testable import TerminalNCurses

@Suite("Cells to send: the diff against the last drawn grid")
struct CellDiffTests {
    private func grid(_ rows: [String], width: Int = 8) -> CellGrid {
        var grid = CellGrid(width: width, height: rows.count, charset: .utf8)
        for (y, row) in rows.enumerated() { grid.put(row, x: 0, y: y) }
        return grid
    }

    private func points(_ list: [(Int, Int)]) -> [Point] {
        list.map { Point(x: $0.0, y: $0.1) }
    }

    @Test("with nothing on screen, every lead cell is written, continuation cells skipped")
    func firstDraw() {
        let new = grid(["ab漢c"], width: 6)
        #expect(CellDiff.positions(from: nil, to: new) == points([(0, 0), (1, 0), (2, 0), (4, 0), (5, 0)]))
    }

    @Test("an identical grid sends nothing")
    func identical() {
        let same = grid(["hello", "漢字"])
        #expect(CellDiff.positions(from: same, to: same).isEmpty)
    }

    @Test("one changed cell sends one cell; a style change counts as a change")
    func oneChange() {
        let old = grid(["hello", "world"])
        var new = old
        new.put("W", x: 0, y: 1)
        #expect(CellDiff.positions(from: old, to: new) == points([(0, 1)]))
        var restyled = old
        restyled.setStyle(.selected, in: Rect(x: 2, y: 0, width: 2, height: 1))
        #expect(CellDiff.positions(from: old, to: restyled) == points([(2, 0), (3, 0)]))
    }

    @Test("a wide character is written once, from its lead cell")
    func wideCharacter() {
        let old = grid(["abcdef"])
        let new = grid(["a漢def"])
        #expect(CellDiff.positions(from: old, to: new) == points([(1, 0)]))
        // And back: the lead and the former continuation cell are both written.
        #expect(CellDiff.positions(from: new, to: old) == points([(1, 0), (2, 0)]))
    }

    @Test("a wide character moving one column sends each affected cell once")
    func wideCharacterMoves() {
        let old = grid(["a漢cdef"])
        let new = grid(["ab漢def"])
        #expect(CellDiff.positions(from: old, to: new) == points([(1, 0), (2, 0)]))
    }

    @Test("a grid of another size is written whole")
    func sizeChange() {
        let old = grid(["ab"], width: 2)
        let new = grid(["ab", "cd"], width: 2)
        #expect(CellDiff.positions(from: old, to: new).count == 4)
    }

    @Test("columns: a wide character takes two, others one")
    func columns() {
        let row = grid(["a漢b"], width: 4)
        #expect(CellDiff.columns(at: 0, row: 0, in: row) == 1)
        #expect(CellDiff.columns(at: 1, row: 0, in: row) == 2)
        #expect(CellDiff.columns(at: 3, row: 0, in: row) == 1)
        #expect(CellDiff.lead(of: 2, row: 0, in: row) == 1)
        #expect(CellDiff.lead(of: 3, row: 0, in: row) == 3)
    }
}
