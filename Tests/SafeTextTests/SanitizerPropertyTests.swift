import PropertyBased
import Testing
import SafeText

/// Random text made mostly of the scalars that cause trouble: controls, bidi and
/// zero-width characters, combining marks, wide characters, emoji and anything at all.
enum HostileText {
    static let invisibles: [UInt32] = [
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2066, 0x2067, 0x2068, 0x2069, 0x061C, 0x2060, 0xFEFF, 0x2028, 0x2029, 0x00AD,
        0xFE0F, 0xFE0E, 0x3164, 0xE0041, 0x9B, 0x9D, 0x85, 0x1B, 0x07, 0x0D, 0x0A, 0x09, 0x7F, 0x00,
    ]

    /// Maps a random word to a scalar; the low three bits choose the family.
    static func scalar(from word: UInt32) -> Unicode.Scalar {
        let pick = word >> 3
        let value: UInt32
        switch word & 7 {
        case 0: value = pick % 0x20
        case 1: value = 0x7F + pick % 0x21
        case 2: value = invisibles[Int(pick % UInt32(invisibles.count))]
        case 3: value = 0x20 + pick % 0x5F
        case 4: value = [0xA0 + pick % 0x1B0, 0x300 + pick % 0x70][Int(pick & 1)]
        case 5: value = [0x2D30 + pick % 0x50, 0x600 + pick % 0x100][Int(pick & 1)]
        case 6: value = [0x4E00 + pick % 0x100, 0x1F300 + pick % 0x700, 0xAC00 + pick % 0x100][Int(pick % 3)]
        default: value = pick % 0x110000
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    static let generator = Gen<UInt32>.value(in: 0...UInt32.max).array(of: 0...40).map { words in
        var scalars = String.UnicodeScalarView()
        for word in words { scalars.append(scalar(from: word)) }
        return String(scalars)
    }
}

@Suite("Sanitiser properties on random input")
struct SanitizerPropertyTests {
    @Test("a sanitised line holds no dangerous scalar and is stable")
    func lines() async {
        await propertyCheck(count: FuzzBudget.cases(300), input: HostileText.generator) { text in
            let utf8 = Sanitizer.line(text, charset: .utf8)
            #expect(DangerousScalars.firstIn(utf8) == nil)
            #expect(Sanitizer.line(utf8, charset: .utf8) == utf8)
            let ascii = Sanitizer.line(text, charset: .ascii)
            #expect(ascii.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F })
            #expect(Sanitizer.line(ascii, charset: .ascii) == ascii)
            #expect(DisplayWidth.of(ascii) == ascii.unicodeScalars.count)
            for character in utf8 {
                #expect(DisplayWidth.of(character) > 0, "zero-width character \(character.unicodeScalars.map(\.value))")
            }
        }
    }

    @Test("a sanitised paragraph holds no dangerous scalar but newlines")
    func paragraphs() async {
        await propertyCheck(count: FuzzBudget.cases(200), input: HostileText.generator) { text in
            let utf8 = Sanitizer.paragraph(text, charset: .utf8)
            #expect(DangerousScalars.firstIn(utf8, allowingNewline: true) == nil)
            #expect(Sanitizer.paragraph(utf8, charset: .utf8) == utf8)
        }
    }

    @Test("random bytes decode to safe text")
    func bytes() async {
        await propertyCheck(count: FuzzBudget.cases(200), input: Gen<UInt8>.value(in: 0...255).array(of: 0...64)) { bytes in
            let utf8 = Sanitizer.line(bytes: bytes, charset: .utf8)
            #expect(DangerousScalars.firstIn(utf8) == nil)
            let ascii = Sanitizer.line(bytes: bytes, charset: .ascii)
            #expect(ascii.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F })
        }
    }

    @Test("the length cap holds")
    func lengthCap() async {
        await propertyCheck(count: FuzzBudget.cases(200), input: HostileText.generator, Gen.int(in: 0...30)) { text, limit in
            for charset in TerminalCharset.allCases {
                #expect(Sanitizer.line(text, charset: charset, maxScalars: limit).unicodeScalars.count <= limit)
            }
        }
    }

    @Test("truncate and fit respect the width")
    func widths() async {
        await propertyCheck(count: FuzzBudget.cases(300), input: HostileText.generator, Gen.int(in: 0...30)) { text, width in
            let safe = Sanitizer.line(text, charset: .utf8)
            let cut = TextFit.truncate(safe, toWidth: width, ellipsis: "…")
            #expect(DisplayWidth.of(cut) <= width)
            if DisplayWidth.of(safe) <= width {
                #expect(cut == safe)
            } else if width > 0 {
                #expect(cut.hasSuffix("…"))
                #expect(safe.hasPrefix(cut.dropLast()))
            }
            for alignment in TextAlignment.allCases {
                let fitted = TextFit.fit(safe, width: width, alignment: alignment, ellipsis: "…")
                #expect(DisplayWidth.of(fitted) == width)
            }
        }
    }
}
