import Testing
import SafeText

@Suite("Cutting and padding to a width")
struct TextFitTests {
    @Test("truncate keeps text that fits")
    func truncateKeepsShortText() {
        #expect(TextFit.truncate("Rabat", toWidth: 5, ellipsis: "…") == "Rabat")
        #expect(TextFit.truncate("Béni Mellal", toWidth: 11, ellipsis: "…") == "Béni Mellal")
    }

    @Test("truncate cuts at a character boundary with an ellipsis")
    func truncateCuts() {
        #expect(TextFit.truncate("Béni Mellal", toWidth: 6, ellipsis: "…") == "Béni …")
        #expect(TextFit.truncate("Be\u{301}ni Mellal", toWidth: 3, ellipsis: "~") == "Be\u{301}~")
        #expect(TextFit.truncate("ⵜⴰⵎⴰⵣⵉⵖⵜ", toWidth: 4, ellipsis: "…") == "ⵜⴰⵎ…")
        #expect(TextFit.truncate("Rabat", toWidth: 0, ellipsis: "…") == "")
        #expect(TextFit.truncate("Rabat", toWidth: 2, ellipsis: "...") == "Ra")
    }

    @Test("truncate never splits a wide character")
    func truncateWide() {
        #expect(TextFit.truncate("漢字漢字", toWidth: 5, ellipsis: "…") == "漢字…")
        #expect(TextFit.truncate("漢字漢字", toWidth: 4, ellipsis: "…") == "漢…")
        #expect(DisplayWidth.of(TextFit.truncate("漢字漢字", toWidth: 4, ellipsis: "…")) == 3)
        #expect(TextFit.truncate("漢字", toWidth: 1, ellipsis: "…") == "…")
    }

    @Test("pad aligns left, right and centre")
    func pad() {
        #expect(TextFit.pad("é", toWidth: 4, alignment: .left) == "é   ")
        #expect(TextFit.pad("é", toWidth: 4, alignment: .right) == "   é")
        #expect(TextFit.pad("é", toWidth: 4, alignment: .center) == " é  ")
        #expect(TextFit.pad("漢", toWidth: 3, alignment: .right) == " 漢")
        #expect(TextFit.pad("toolong", toWidth: 3) == "toolong")
    }

    @Test("fit gives exactly the width")
    func fit() {
        #expect(TextFit.fit("Laâyoune", width: 5, ellipsis: "…") == "Laây…")
        #expect(TextFit.fit("漢字漢字", width: 4, alignment: .right, ellipsis: "…") == " 漢…")
        for width in 0...12 {
            for text in ["Béni Mellal", "ⵜⴰⵎⴰⵣⵉⵖⵜ", "漢字漢字漢字", "e\u{301}e\u{301}e\u{301}", ""] {
                for alignment in TextAlignment.allCases {
                    let fitted = TextFit.fit(text, width: width, alignment: alignment, ellipsis: "…")
                    #expect(DisplayWidth.of(fitted) == width, "\(text) at \(width) \(alignment)")
                }
            }
        }
    }
}
