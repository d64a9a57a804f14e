import ConsoleCore
import ConsoleRender
import SafeText
import Testing

@Suite("Text field view")
struct TextFieldViewTests {
    func draw(_ field: TextField, width: Int, focused: Bool = true, charset: TerminalCharset = .utf8)
        -> (text: String, styles: String, cursor: Int?)
    {
        var grid = CellGrid(width: width + 2, height: 1, charset: charset)
        let cursor = TextFieldView(field: field, isFocused: focused).render(into: &grid, x: 1, y: 0, width: width)
        return (grid.row(0), grid.styleRow(0), cursor)
    }

    @Test("short text, cursor at the end")
    func short() {
        let view = draw(TextField(text: "Béni Mellal"), width: 20)
        #expect(view.text == " Béni Mellal" + String(repeating: "_", count: 9) + " ")
        #expect(view.cursor == 12)
        #expect(view.styles == "." + String(repeating: "f", count: 11) + "C" + String(repeating: "f", count: 8) + ".")
        let unfocused = draw(TextField(text: "Béni"), width: 6, focused: false)
        #expect(unfocused.cursor == nil)
        #expect(!unfocused.styles.contains("C"))
    }

    @Test("long text scrolls so the cursor stays visible")
    func scrolls() {
        let field = TextField(text: "Allocation des aides eau")
        let end = draw(field, width: 10)
        #expect(end.text == " …ides eau_ ")
        #expect(end.cursor == 10)
        var home = field
        home.moveHome()
        let start = draw(home, width: 10)
        #expect(start.text == " Allocatio… ")
        #expect(start.cursor == 1)
        #expect(start.styles.dropFirst().hasPrefix("Cf"))
    }

    @Test("wide characters are never split")
    func wide() {
        let view = draw(TextField(text: "漢字漢字漢字"), width: 6)
        #expect(view.text == " …漢字_ ")
        #expect(DisplayWidth.of(view.text) == 8)
        #expect(view.cursor == 6)
    }

    @Test("ASCII terminals see transliterated text")
    func ascii() {
        let view = draw(TextField(text: "Laâyoune"), width: 10, charset: .ascii)
        #expect(view.text == " Laayoune__ ")
    }
}
