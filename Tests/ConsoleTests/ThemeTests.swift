import ConsoleRender
import SafeText
import Testing

@Suite("Themes and glyphs")
struct ThemeTests {
    @Test("each built-in theme equals its file in Themes/", arguments: ["default", "high-contrast", "monochrome"])
    func builtInMatchesFile(name: String) throws {
        let entries = try ThemeFileReader.entries(ofTheme: name)
        let fromFile = try Theme(name: name, entries: entries, base: nil)
        let builtIn = try #require(Theme.builtIn(named: name))
        for style in StyleName.allCases {
            #expect(fromFile[style] == builtIn[style], "\(name) \(style): file \(fromFile[style]), Swift \(builtIn[style])")
        }
        #expect(fromFile == builtIn)
    }

    @Test("every theme defines every style")
    func complete() {
        for theme in Theme.builtIn {
            #expect(theme.styles.count == StyleName.allCases.count, "\(theme.name)")
        }
    }

    @Test("monochrome uses no colour, high-contrast only the eight ANSI colours")
    func colourUse() {
        #expect(!Theme.monochrome.usesColor)
        #expect(Theme.highContrast.usesColor)
        #expect(!Theme.highContrast.needs256Colors)
        #expect(Theme.default.needs256Colors)
    }

    @Test("style codes are unique")
    func uniqueCodes() {
        #expect(Set(StyleName.allCases.map(\.code)).count == StyleName.allCases.count)
    }

    @Test("the 8-colour fallback maps palette colours to the nearest ANSI colour")
    func fallback8() {
        #expect(Theme.nearestANSI(.indexed(196)) == .ansi(1))  // red
        #expect(Theme.nearestANSI(.indexed(46)) == .ansi(2))   // green
        #expect(Theme.nearestANSI(.indexed(214)) == .ansi(3))  // orange → yellow
        #expect(Theme.nearestANSI(.indexed(21)) == .ansi(4))   // blue
        #expect(Theme.nearestANSI(.indexed(51)) == .ansi(6))   // cyan
        #expect(Theme.nearestANSI(.indexed(231)) == .ansi(7))  // white
        #expect(Theme.nearestANSI(.indexed(232)) == .ansi(0))  // near black
        #expect(Theme.nearestANSI(.indexed(9)) == .ansi(1))    // bright red
        #expect(Theme.nearestANSI(.terminalDefault) == .terminalDefault)
        let eight = Theme.fallback8(from: .default)
        #expect(eight.name == "default-8")
        #expect(!eight.needs256Colors)
        #expect(eight[.critical] == TerminalStyle(foreground: .ansi(1), attributes: .bold))
        // A grey border stays visible on a dark terminal: not black, but dimmed.
        #expect(eight[.border].foreground != .ansi(0))
        #expect(eight[.border].attributes.contains(.dim))
        // Black text on a coloured background stays black.
        #expect(eight[.dialogFocus].foreground == .ansi(0))
    }

    @Test("theme entries are checked, with messages that say what to do")
    func errors() throws {
        #expect(throws: ThemeError.unknownStyle(theme: "t", style: "crtical")) {
            try Theme(name: "t", entries: ["crtical": StyleEntry(fg: "196")], base: .default)
        }
        #expect(throws: ThemeError.unknownColor(theme: "t", style: "ok", key: "fg", value: "256")) {
            try Theme(name: "t", entries: ["ok": StyleEntry(fg: "256")], base: .default)
        }
        #expect(throws: ThemeError.unknownColor(theme: "t", style: "ok", key: "bg", value: "grene")) {
            try Theme(name: "t", entries: ["ok": StyleEntry(bg: "grene")], base: .default)
        }
        #expect(throws: ThemeError.unknownAttribute(theme: "t", style: "ok", value: "blink")) {
            try Theme(name: "t", entries: ["ok": StyleEntry(attrs: ["blink"])], base: .default)
        }
        #expect(throws: ThemeError.self) {
            try Theme(name: "t", entries: ["ok": StyleEntry(fg: "green")], base: nil)
        }
        let partial = try Theme(name: "t", entries: ["ok": StyleEntry(fg: "green", attrs: ["bold"])], base: .monochrome)
        #expect(partial[.ok] == TerminalStyle(foreground: .ansi(2), attributes: .bold))
        #expect(partial[.critical] == Theme.monochrome[.critical])
        let message = ThemeError.unknownColor(theme: "t", style: "ok", key: "fg", value: "256").description
        #expect(message.contains("[styles.ok]"))
        #expect(message.contains("0-255"))
    }

    @Test("a theme survives a round trip through its entries")
    func roundTrip() throws {
        for theme in Theme.builtIn {
            #expect(try Theme(name: theme.name, entries: theme.entries, base: nil) == theme)
        }
    }

    @Test("every glyph is one column wide and safe", arguments: [TerminalCharset.utf8, .ascii])
    func glyphWidths(charset: TerminalCharset) {
        let glyphs = GlyphSet.for(charset)
        for glyph in glyphs.all {
            #expect(DisplayWidth.of(glyph) == 1, "\(glyph)")
            #expect(Sanitizer.line(glyph, charset: charset) == glyph, "\(glyph)")
        }
        #expect(glyphs.sparkLevels.count == 8)
        #expect(glyphs.meterEighths.count == (charset == .utf8 ? 7 : 0))
    }
}
