import ConsoleRender
import SafeText
import Testing

@Suite("Table view")
struct TableViewTests {
    static let columns = [
        TableColumn("ID", width: .fixed(6), priority: 2),
        TableColumn("NAME", width: .flexible(min: 8, weight: 1)),
        TableColumn("REGION", width: .flexible(min: 6, weight: 1), priority: -1),
        TableColumn("PCT", width: .fixed(4), alignment: .right, priority: 1),
    ]
    static let rows: [[TableCell]] = [
        ["A-1", "Béni Mellal", "Laâyoune", TableCell("81%", style: .warn)],
        ["A-2", "ⵜⴰⵎⴰⵣⵉⵖⵜ lot", "Guelmim", "7%"],
        ["A-3", "漢字 test", "Rabat", TableCell("100%", style: .critical)],
    ]

    @Test("layout shares spare width by weight and keeps column order")
    func layout() {
        let placements = TableLayout.place(Self.columns, x: 2, width: 38, gap: 2)
        #expect(placements == [
            ColumnPlacement(column: 0, x: 2, width: 6),
            ColumnPlacement(column: 1, x: 10, width: 12),
            ColumnPlacement(column: 2, x: 24, width: 10),
            ColumnPlacement(column: 3, x: 36, width: 4),
        ])
    }

    @Test("narrow layouts drop the lowest-priority columns first")
    func dropping() {
        #expect(TableLayout.place(Self.columns, x: 0, width: 22, gap: 2).map(\.column) == [0, 1, 3])
        #expect(TableLayout.place(Self.columns, x: 0, width: 10, gap: 2).map(\.column) == [0])
        let single = TableLayout.place(Self.columns, x: 0, width: 4, gap: 2)
        #expect(single == [ColumnPlacement(column: 0, x: 0, width: 4)])
    }

    @Test("rows with accents, Tifinagh and CJK line up at 40 columns")
    func rowsLineUp() {
        var grid = CellGrid(width: 40, height: 4, charset: .utf8)
        let table = TableView(columns: Self.columns, rows: Self.rows, selectedRow: 0)
        table.render(into: &grid, in: grid.bounds)
        #expect(grid.row(0) == "  " + "ID    " + "  " + "NAME        " + "  " + "REGION    " + "  " + " PCT")
        #expect(grid.row(1) == "▶ " + "A-1   " + "  " + "Béni Mellal " + "  " + "Laâyoune  " + "  " + " 81%")
        #expect(grid.row(2) == "  " + "A-2   " + "  " + "ⵜⴰⵎⴰⵣⵉⵖⵜ lot" + "  " + "Guelmim   " + "  " + "  7%")
        #expect(grid.row(3) == "  " + "A-3   " + "  " + "漢字 test   " + "  " + "Rabat     " + "  " + "100%")
        for y in 0..<4 {
            #expect(DisplayWidth.of(grid.row(y)) == 40, "row \(y)")
        }
        // Every column starts at the same cell on every row.
        let starts = [(2, ["I", "A", "A", "A"]), (10, ["N", "B", "ⵜ", "漢"]), (24, ["R", "L", "G", "R"])]
        for (x, firsts) in starts {
            for y in 0..<4 {
                #expect(grid[x, y].grapheme == firsts[y], "column at \(x), row \(y)")
                #expect(grid[x - 1, y].grapheme == " ")
            }
        }
        #expect(grid.styleRow(0) == String(repeating: "h", count: 40))
        #expect(grid.styleRow(1) == String(repeating: "s", count: 40))  // selected: the whole row
        #expect(grid.styleRow(3).hasSuffix("..cccc"))                   // per-cell style
    }

    @Test("a narrow table cuts text with an ellipsis and drops a column")
    func narrowTable() {
        var grid = CellGrid(width: 24, height: 2, charset: .utf8)
        TableView(columns: Self.columns, rows: Self.rows, selectedRow: 0).render(into: &grid, in: grid.bounds)
        #expect(grid.row(0) == "  ID      NAME       PCT")
        #expect(grid.row(1) == "▶ A-1     Béni Me…   81%")
        var ascii = CellGrid(width: 24, height: 2, charset: .ascii)
        TableView(columns: Self.columns, rows: Self.rows, selectedRow: 0).render(into: &ascii, in: ascii.bounds)
        #expect(ascii.row(1) == "> A-1     Beni Me~   81%")
    }

    @Test("hostile cell text cannot break the layout")
    func hostileCells() {
        var grid = CellGrid(width: 40, height: 2, charset: .utf8)
        let rows: [[TableCell]] = [["\u{1B}[2J", "a\u{202E}b\tc\nd", "\u{9B}31m", "\u{7F}"]]
        TableView(columns: Self.columns, rows: rows).render(into: &grid, in: grid.bounds)
        #expect(grid.row(1) == "  " + "␛[2J  " + "  " + "a⍰b␉c␊d     " + "  " + "⍰31m      " + "  " + "   ␡")
        #expect(DisplayWidth.of(grid.row(1)) == 40)
    }

    @Test("scrolling keeps the selected row visible")
    func scrolling() {
        let rows = (0..<10).map { [TableCell("R\($0)"), "x", "y", "1%"] }
        let offset = TableView.scrollOffset(keeping: 5, visible: 3, current: 0, rowCount: 10)
        #expect(offset == 3)
        #expect(TableView.scrollOffset(keeping: 1, visible: 3, current: 3, rowCount: 10) == 1)
        #expect(TableView.scrollOffset(keeping: 9, visible: 3, current: 0, rowCount: 10) == 7)
        var grid = CellGrid(width: 30, height: 4, charset: .utf8)
        TableView(columns: Self.columns, rows: rows, selectedRow: 5, scrollOffset: offset).render(into: &grid, in: grid.bounds)
        #expect(grid.row(1).hasPrefix("  R3"))
        #expect(grid.row(2).hasPrefix("  R4"))
        #expect(grid.row(3).hasPrefix("▶ R5"))
    }
}
