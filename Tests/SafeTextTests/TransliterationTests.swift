import Testing
import SafeText

@Suite("ASCII output for non-UTF-8 terminals")
struct TransliterationTests {
    @Test("accents are stripped")
    func accents() {
        #expect(Sanitizer.line("Béni Mellal", charset: .ascii) == "Beni Mellal")
        #expect(Sanitizer.line("Laâyoune", charset: .ascii) == "Laayoune")
        #expect(Sanitizer.line("Eau prédictive — Souss-Massa", charset: .ascii) == "Eau predictive - Souss-Massa")
        #expect(Sanitizer.line("Béni", charset: .ascii) == Sanitizer.line("Be\u{301}ni", charset: .ascii))
        #expect(Sanitizer.line("cœur, Straße, l’eau «ok»", charset: .ascii) == "coeur, Strasse, l'eau \"ok\"")
    }

    @Test("scripts without an ASCII spelling become one ? per column")
    func otherScripts() {
        let tifinagh = "ⵜⴰⵎⴰⵣⵉⵖⵜ"
        #expect(Sanitizer.line(tifinagh, charset: .ascii) == "????????")
        #expect(Sanitizer.line("مرحبا", charset: .ascii) == "?????")
        #expect(Sanitizer.line("漢字", charset: .ascii) == "????")
        #expect(Sanitizer.line("Traduction darija → ⵜⴰⵎⴰⵣⵉⵖⵜ", charset: .ascii) == "Traduction darija > ????????")
    }

    @Test("each display column of the UTF-8 text becomes one ASCII character")
    func columnsAreKept() {
        let samples = [
            "Béni Mellal", "Laâyoune", "ⵜⴰⵎⴰⵣⵉⵖⵜ", "مرحبا", "漢字 kanji", "Guelmim-Oued Noun",
            "e\u{301}te\u{301}", "✓ ok ● ▲", "한국어",
        ]
        for sample in samples {
            let utf8 = Sanitizer.line(sample, charset: .utf8)
            let ascii = Sanitizer.line(sample, charset: .ascii)
            #expect(ascii.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "\(sample)")
            #expect(ascii.unicodeScalars.count == DisplayWidth.of(ascii), "\(sample)")
            #expect(DisplayWidth.of(ascii) == DisplayWidth.of(utf8), "\(sample): \(ascii)")
        }
    }

    @Test("charset follows the locale")
    func detection() {
        #expect(TerminalCharset.detect(environment: ["LANG": "fr_MA.UTF-8"]) == .utf8)
        #expect(TerminalCharset.detect(environment: ["LC_ALL": "C", "LANG": "fr_MA.UTF-8"]) == .ascii)
        #expect(TerminalCharset.detect(environment: ["LC_CTYPE": "C.utf8"]) == .utf8)
        #expect(TerminalCharset.detect(environment: ["LC_ALL": "", "LANG": "en_US.utf-8"]) == .utf8)
        #expect(TerminalCharset.detect(environment: [:]) == .ascii)
        #expect(TerminalCharset.detect(environment: ["LANG": "POSIX"]) == .ascii)
    }
}
