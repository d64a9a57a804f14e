import ConsoleCore
import Testing

@Suite("Text field editing")
struct TextFieldTests {
    @Test("accents, Tifinagh and combining sequences are one character each")
    func graphemes() {
        var field = TextField()
        field.insert("é")
        field.insert("ⵜ")
        field.insert("e\u{301}")
        #expect(field.text == "éⵜe\u{301}")
        #expect(field.text.count == 3)
        #expect(field.cursor == 3)
        field.deleteBackward()  // the whole e + U+0301
        #expect(field.text == "éⵜ")
        #expect(field.text.unicodeScalars.count == 2)
        field.moveLeft()
        field.deleteBackward()  // é
        #expect(field.text == "ⵜ")
        #expect(field.cursor == 0)
        field.deleteForward()
        #expect(field.text == "")
        field.deleteBackward()  // nothing to delete
        #expect(field.text == "" && field.cursor == 0)
    }

    @Test("a combining mark typed after its letter joins it")
    func typedCombiningMark() {
        var field = TextField(text: "cafe")
        let joined = field.insert("\u{301}")
        #expect(joined)
        #expect(field.text == "cafe\u{301}")
        #expect(field.text.count == 4)
        #expect(field.cursor == 4)
    }

    @Test("controls, bidi and invisible characters are refused; breaks become spaces")
    func sanitisedInput() {
        var field = TextField()
        let tookEscape = field.insert("a\u{1B}[2Jb")
        #expect(!tookEscape)
        #expect(field.text == "a[2Jb")
        field.clear()
        let tookBidi = field.insert("\u{202E}abc\u{200B}")
        #expect(!tookBidi)
        #expect(field.text == "abc")
        field.clear()
        let tookBreaks = field.insert("line one\nline\ttwo")
        #expect(tookBreaks)
        #expect(field.text == "line one line two")
        #expect(TextField(text: "ok\u{7}").text == "ok")
    }

    @Test("insertion in the middle and cursor moves")
    func middle() {
        var field = TextField(text: "Rbat")
        field.moveHome()
        field.moveRight()
        field.insert("a")
        #expect(field.text == "Rabat")
        #expect(field.cursor == 2)
        field.moveEnd()
        #expect(field.cursor == 5)
        field.moveRight()
        #expect(field.cursor == 5)
        field.moveHome()
        field.moveLeft()
        #expect(field.cursor == 0)
    }

    @Test("word moves and word deletion")
    func words() {
        var field = TextField(text: "allocation des aides")
        field.moveWordLeft()
        #expect(field.cursor == 15)
        field.moveWordLeft()
        #expect(field.cursor == 11)
        field.moveWordRight()
        #expect(field.cursor == 14)
        field.moveEnd()
        field.deleteWordBackward()
        #expect(field.text == "allocation des ")
        field.deleteWordBackward()
        #expect(field.text == "allocation ")
    }

    @Test("the length limit counts characters")
    func maxLength() {
        var field = TextField(maxLength: 3)
        let tookAll = field.insert("abcdef")
        #expect(!tookAll)
        #expect(field.text == "abc")
        var accents = TextField(maxLength: 3)
        let tookAccents = accents.insert("e\u{301}e\u{301}e\u{301}")
        #expect(tookAccents)
        #expect(accents.text.count == 3)
        let tookExtra = accents.insert("x")
        #expect(!tookExtra)
        accents.insert("\u{301}")  // joins the last é: still three characters
        #expect(accents.text.count == 3)
        #expect(TextField.defaultMaxLength == 500)
    }

    @Test("blank and trimmed text")
    func blank() {
        #expect(TextField().isBlank)
        #expect(TextField(text: "   ").isBlank)
        #expect(!TextField(text: " ok ").isBlank)
        #expect(TextField(text: "  checked  ").trimmedText == "checked")
    }
}
