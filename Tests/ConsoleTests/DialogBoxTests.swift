import ConsoleCore
import ConsoleRender
import SafeText
import Testing

@Suite("Dialog box")
struct DialogBoxTests {
    static let dialog = DialogBox(
        title: "Approve A-4821?",
        body: "You will be the second of two approvers.",
        field: DialogField(label: "Reason:", field: TextField(), isFocused: true),
        buttons: ["Cancel", "Approve"],
        focusedButton: 1,
        preferredWidth: 30)

    @Test("centred box with title, wrapped body, field and buttons")
    func layout() {
        var grid = CellGrid(width: 40, height: 12, charset: .utf8)
        let layout = Self.dialog.render(into: &grid, within: grid.bounds)
        #expect(layout.box == Rect(x: 5, y: 2, width: 30, height: 7))
        #expect(layout.body == Rect(x: 7, y: 3, width: 26, height: 2))
        #expect(layout.field == Rect(x: 15, y: 5, width: 18, height: 1))
        #expect(layout.buttons == [Rect(x: 10, y: 7, width: 10, height: 1), Rect(x: 22, y: 7, width: 11, height: 1)])
        #expect(layout.cursor == Point(x: 15, y: 5))
        let side = "     "
        #expect(grid.row(1) == String(repeating: " ", count: 40))
        #expect(grid.row(2) == side + "┌─ Approve A-4821? " + String(repeating: "─", count: 10) + "┐" + side)
        #expect(grid.row(3) == side + "│ You will be the second of  │" + side)
        #expect(grid.row(4) == side + "│ two approvers.             │" + side)
        #expect(grid.row(5) == side + "│ Reason: " + String(repeating: "_", count: 18) + " │" + side)
        #expect(grid.row(6) == side + "│" + String(repeating: " ", count: 28) + "│" + side)
        #expect(grid.row(7) == side + "│    [ Cancel ]  [▶Approve◀] │" + side)
        #expect(grid.row(8) == side + "└" + String(repeating: "─", count: 28) + "┘" + side)
        #expect(grid.row(9) == String(repeating: " ", count: 40))
        #expect(grid.styleRow(7) == "....." + "DDDDD" + String(repeating: "u", count: 10) + "DD"
            + String(repeating: "F", count: 11) + "DD" + ".....")
        #expect(grid.styleRow(5) == "....." + "DDDDDDDDDD" + "C" + String(repeating: "f", count: 17) + "DD" + ".....")
        #expect(grid.styleRow(2).dropFirst(8).hasPrefix(String(repeating: "T", count: 15)))
    }

    @Test("the box is centred in any area, odd sizes included")
    func centring() {
        var grid = CellGrid(width: 41, height: 13, charset: .ascii)
        let area = Rect(x: 1, y: 1, width: 39, height: 11)
        let layout = DialogBox(title: "Quit?", body: "Leave the console?", buttons: ["No", "Yes"], focusedButton: 0,
                               preferredWidth: 24).render(into: &grid, within: area)
        #expect(layout.box == Rect(x: 8, y: 4, width: 24, height: 5))
        #expect(layout.box.x - area.x == area.maxX - layout.box.maxX - 1)  // odd spare: one more on the right
        #expect(grid.row(4) == "        +- Quit? " + String(repeating: "-", count: 14) + "+         ")
        #expect(grid.row(5) == "        | Leave the console?   |         ")
        #expect(grid.row(7) == "        |      [>No<]  [ Yes ] |         ")
        #expect(grid.row(8) == "        +" + String(repeating: "-", count: 22) + "+         ")
        #expect(layout.cursor == nil)
    }

    @Test("a small area cuts the body, never the buttons")
    func smallArea() {
        var grid = CellGrid(width: 30, height: 6, charset: .utf8)
        let long = DialogBox(title: "Reject", body: String(repeating: "word ", count: 40), buttons: ["OK"], focusedButton: 0,
                             preferredWidth: 30)
        let layout = long.render(into: &grid, within: grid.bounds)
        #expect(layout.box.height == 6)
        #expect(grid.row(3) == "│ word word word word word…  │")
        #expect(grid.row(4) == "│" + String(repeating: " ", count: 21) + "[▶OK◀] │")
        #expect(grid.row(5).hasPrefix("└"))
    }
}
