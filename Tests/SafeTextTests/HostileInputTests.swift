import Testing
@testable import SafeText

@Suite("Sanitiser against hostile input")
struct HostileInputTests {
    static let hostile: [(name: String, text: String)] = [
        ("OSC 0 set title, BEL", "before\u{1B}]0;pwned title\u{07}after"),
        ("CSI 2J clear screen", "x\u{1B}[2Jy"),
        ("OSC 52 clipboard write", "\u{1B}]52;c;cm0gLXJmIH4=\u{1B}\\"),
        ("one-character CSI U+009B", "a\u{9B}31mred"),
        ("C1 OSC and ST", "\u{9D}0;t\u{9C}"),
        ("bidi override", "invoice \u{202E}fdp.exe"),
        ("bidi isolates", "\u{2066}a\u{2067}b\u{2068}c\u{2069}"),
        ("LRM RLM ALM", "a\u{200E}b\u{200F}c\u{61C}d"),
        ("zero-width joiner and space", "ad\u{200D}min\u{200B}\u{2060}\u{FEFF}"),
        ("DEL and NUL", "a\u{7F}b\u{0}c"),
        ("line breaks and tabs", "one\ntwo\r\nthree\rfour\tfive\u{2028}six\u{2029}"),
        ("tags", "hi\u{E0041}\u{E0042}"),
        ("private use", "\u{E000}\u{F8FF}\u{10FFFD}"),
        ("unassigned", "\u{0378}\u{FFFF}"),
        ("Hangul filler", "\u{3164}\u{115F}x"),
    ]

    @Test("no dangerous scalar survives in a line", arguments: [TerminalCharset.utf8, .ascii])
    func lineOutputIsClean(charset: TerminalCharset) {
        for (name, text) in Self.hostile {
            let safe = Sanitizer.line(text, charset: charset)
            #expect(DangerousScalars.firstIn(safe) == nil, "\(name): \(safe.debugDescription)")
            #expect(!safe.contains("\u{1B}"), "\(name)")
            if charset == .ascii {
                #expect(safe.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "\(name): \(safe)")
            }
        }
    }

    @Test("no dangerous scalar but newline survives in a paragraph", arguments: [TerminalCharset.utf8, .ascii])
    func paragraphOutputIsClean(charset: TerminalCharset) {
        for (name, text) in Self.hostile {
            let safe = Sanitizer.paragraph(text, charset: charset)
            #expect(DangerousScalars.firstIn(safe, allowingNewline: true) == nil, "\(name): \(safe.debugDescription)")
        }
    }

    @Test("placeholders are visible and say what was there")
    func placeholdersAreVisible() {
        #expect(Sanitizer.line("x\u{1B}[2Jy", charset: .utf8) == "x␛[2Jy")
        #expect(Sanitizer.line("x\u{1B}[2Jy", charset: .ascii) == "x^[[2Jy")
        #expect(Sanitizer.line("a\u{7F}b\u{0}c", charset: .utf8) == "a␡b␀c")
        #expect(Sanitizer.line("a\u{7F}b\u{0}c", charset: .ascii) == "a^?b^@c")
        #expect(Sanitizer.line("a\u{9B}31m", charset: .utf8) == "a⍰31m")
        #expect(Sanitizer.line("a\u{9B}31m", charset: .ascii) == "a<U+009B>31m")
        #expect(Sanitizer.line("invoice \u{202E}fdp.exe", charset: .utf8) == "invoice ⍰fdp.exe")
        #expect(Sanitizer.line("invoice \u{202E}fdp.exe", charset: .ascii) == "invoice <U+202E>fdp.exe")
        #expect(Sanitizer.line("a\tb\nc\r", charset: .utf8) == "a␉b␊c␍")
        #expect(Sanitizer.line("ad\u{200D}min", charset: .utf8) == "ad⍰min")
    }

    @Test("paragraphs keep line breaks and expand tabs")
    func paragraphs() {
        #expect(Sanitizer.paragraph("one\r\ntwo\u{2028}three", charset: .utf8) == "one\ntwo\nthree")
        #expect(Sanitizer.paragraph("a\tb\nab\tc", charset: .utf8, tabWidth: 4) == "a   b\nab  c")
        #expect(Sanitizer.paragraph("over\rwrite", charset: .utf8) == "over␍write")
        #expect(Sanitizer.paragraph("end\r", charset: .ascii) == "end^M")
    }

    @Test("invalid UTF-8 bytes become replacement characters")
    func invalidBytes() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x1B, 0x5B, 0x32, 0x4A, 0xE2, 0x82]
        let utf8 = Sanitizer.line(bytes: bytes, charset: .utf8)
        #expect(utf8 == "a\u{FFFD}b\u{FFFD}␛[2J\u{FFFD}")
        #expect(Sanitizer.line(bytes: bytes, charset: .ascii) == "a?b?^[[2J?")
        #expect(DangerousScalars.firstIn(utf8) == nil)
    }

    @Test("emoji presentation selectors are removed, other variation selectors kept")
    func variationSelectors() {
        #expect(Sanitizer.line("⚠\u{FE0F} hot", charset: .utf8) == "⚠ hot")
        #expect(Sanitizer.line("葛\u{E0100}", charset: .utf8) == "葛\u{E0100}")
    }

    @Test("a combining mark with nothing to sit on gets a dotted circle")
    func orphanMarks() {
        #expect(Sanitizer.line("\u{301}abc", charset: .utf8) == "\u{25CC}\u{301}abc")
        #expect(Sanitizer.line("\u{301}abc", charset: .ascii) == "abc")
        #expect(DisplayWidth.of(Sanitizer.line("\u{301}", charset: .utf8)) == 1)
        #expect(Sanitizer.paragraph("a\n\u{301}b", charset: .utf8) == "a\n\u{25CC}\u{301}b")
    }

    @Test("stacked combining marks are capped")
    func stackedMarks() {
        let zalgo = "e" + String(repeating: "\u{301}\u{302}\u{303}", count: 50)
        let safe = Sanitizer.line(zalgo, charset: .utf8)
        #expect(safe.count == 1)
        #expect(safe.unicodeScalars.count == 1 + Sanitizer.maximumMarksPerCharacter)
    }

    @Test("a huge field is cut at a character boundary")
    func lengthCap() {
        let huge = String(repeating: "é", count: 1_000_000)  // precomposed, one scalar each
        let safe = Sanitizer.line(huge, charset: .utf8)
        #expect(safe.unicodeScalars.count == Sanitizer.defaultLineLimit)
        let decomposed = String(repeating: "e\u{301}", count: 10)
        let cut = Sanitizer.line(decomposed, charset: .utf8, maxScalars: 7)
        #expect(cut == String(repeating: "e\u{301}", count: 3))
        let hugeBytes = [UInt8](repeating: 0x41, count: 1_000_000)
        #expect(Sanitizer.line(bytes: hugeBytes, charset: .ascii, maxScalars: 100).count == 100)
        let oneCharacter = "x" + String(repeating: "\u{301}", count: 100_000)
        #expect(Sanitizer.line(oneCharacter, charset: .utf8, maxScalars: 10).unicodeScalars.count <= 10)
    }

    @Test("sanitising is idempotent on the hostile corpus", arguments: [TerminalCharset.utf8, .ascii])
    func idempotent(charset: TerminalCharset) {
        for (name, text) in Self.hostile {
            let once = Sanitizer.line(text, charset: charset)
            #expect(Sanitizer.line(once, charset: charset) == once, "\(name)")
            let paragraph = Sanitizer.paragraph(text, charset: charset)
            #expect(Sanitizer.paragraph(paragraph, charset: charset) == paragraph, "\(name)")
        }
    }

    @Test("safe characters are recognised")
    func isSafe() {
        #expect(Sanitizer.isSafe("é", charset: .utf8))
        #expect(Sanitizer.isSafe("ⵜ", charset: .utf8))
        #expect(!Sanitizer.isSafe("ⵜ", charset: .ascii))
        #expect(!Sanitizer.isSafe("\u{1B}", charset: .utf8))
        #expect(!Sanitizer.isSafe("\u{202E}", charset: .utf8))
        #expect(!Sanitizer.isSafe("\n", charset: .utf8))
    }
}
