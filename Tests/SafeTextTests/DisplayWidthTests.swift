#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import SafeText

#if canImport(Glibc)
/// glibc's `wcwidth`, which ncurses uses to place characters. Glibc's Swift module does not
/// export it (it sits behind `_XOPEN_SOURCE`), so it is looked up in the loaded C library.
enum GlibcWidth {
    typealias Function = @convention(c) (wchar_t) -> Int32

    /// Switches `LC_CTYPE` to C.UTF-8 (so `wcwidth` knows Unicode) and returns `wcwidth`.
    static func load() -> Function? {
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil,
              let handle = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(handle, "wcwidth")
        else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }
}
#endif

@Suite("Display width")
struct DisplayWidthTests {
    @Test("known widths")
    func knownWidths() {
        #expect(DisplayWidth.of("Béni Mellal") == 11)
        #expect(DisplayWidth.of("Be\u{301}ni") == 4)
        #expect(DisplayWidth.of("ⵜⴰⵎⴰⵣⵉⵖⵜ") == 8)
        #expect(DisplayWidth.of("مرحبا") == 5)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("Ｆｕｌｌ") == 8)
        #expect(DisplayWidth.of("🚀✅") == 4)
        #expect(DisplayWidth.of("▶●▲▼✓✗⚠…─│┌█░▁↑↓") == 16)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Character("🇲🇦")) == 2)
        #expect(DisplayWidth.of(Character("\u{1112}\u{1161}\u{11AB}")) == 2)  // 한 from jamo
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0600)!) == 1)
    }

    #if canImport(Glibc)
    /// Every scalar the sanitiser lets through must have the width glibc's `wcwidth` gives it
    /// (ncurses uses `wcwidth` to place characters), and `wcwidth` must know it at all.
    @Test("agrees with glibc wcwidth on every scalar the sanitiser keeps")
    func agreesWithGlibc() throws {
        let wcwidth = try #require(GlibcWidth.load(), "the C.UTF-8 locale and wcwidth are needed")
        var disagreements: [String] = []
        var checked = 0
        for value in UInt32(0x20)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), ScalarSafety.isSafeInLine(scalar) else { continue }
            checked += 1
            let glibc = Int(wcwidth(wchar_t(value)))
            let ours = DisplayWidth.of(scalar)
            if glibc != ours, disagreements.count < 20 {
                disagreements.append("U+\(String(value, radix: 16, uppercase: true)): glibc \(glibc), ours \(ours)")
            }
        }
        #expect(checked > 100_000)
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }

    /// The ranges an operator's screen uses, checked even where the sanitiser would replace a
    /// character, as long as glibc knows it.
    @Test("agrees with glibc wcwidth on the scripts and symbols we draw")
    func agreesWithGlibcOnOurRanges() throws {
        let wcwidth = try #require(GlibcWidth.load(), "the C.UTF-8 locale and wcwidth are needed")
        let ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x36F,            // Latin-1, Latin extended, IPA, combining diacritics
            0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFE,  // Arabic
            0x1E00...0x1EFF,                      // Latin extended additional
            0x2D30...0x2D7F,                      // Tifinagh
            0x2000...0x206F, 0x2190...0x21FF,     // punctuation, arrows
            0x2500...0x25FF, 0x2600...0x27BF,     // box drawing, blocks, geometric shapes, symbols, dingbats
            0x1100...0x11FF, 0x2E80...0x9FFF, 0xAC00...0xD7A3, 0xFF00...0xFFEF,  // Hangul, CJK, fullwidth
            0x1F300...0x1FAFF,                    // emoji
        ]
        var disagreements: [String] = []
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let glibc = Int(wcwidth(wchar_t(value)))
                guard glibc >= 0 else { continue }  // unknown to glibc: the sanitiser replaces it
                if glibc != DisplayWidth.of(scalar), disagreements.count < 20 {
                    disagreements.append("U+\(String(value, radix: 16, uppercase: true)): glibc \(glibc), ours \(DisplayWidth.of(scalar))")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }
    #endif
}
