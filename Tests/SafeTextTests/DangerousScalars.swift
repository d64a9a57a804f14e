/// The test's own list of scalars that must never reach a terminal, written independently of
/// the sanitiser's classification so that a mistake there makes a test fail.
enum DangerousScalars {
    static let explicitRanges: [ClosedRange<UInt32>] = [
        0x0000...0x001F,  // C0 controls, ESC, BEL, NUL
        0x007F...0x009F,  // DEL and C1 controls, CSI U+009B, OSC U+009D, ST U+009C
        0x00AD...0x00AD,  // soft hyphen (invisible)
        0x061C...0x061C,  // Arabic letter mark
        0x115F...0x1160,  // Hangul fillers
        0x180E...0x180E,  // Mongolian vowel separator
        0x200B...0x200F,  // zero-width space, ZWNJ, ZWJ, LRM, RLM
        0x2028...0x2029,  // line and paragraph separators
        0x202A...0x202E,  // bidi embeddings and overrides
        0x2060...0x2064,  // word joiner, invisible operators
        0x2066...0x2069,  // bidi isolates
        0x3164...0x3164,  // Hangul filler
        0xE000...0xF8FF,  // private use
        0xFE0E...0xFE0F,  // emoji presentation selectors (width disagreements)
        0xFEFF...0xFEFF,  // BOM, zero-width no-break space
        0xFFA0...0xFFA0,  // halfwidth Hangul filler
        0xFFF9...0xFFFB,  // interlinear annotations
        0xE0000...0xE007F,  // tags ("ASCII smuggling")
        0xF0000...0x10FFFF,  // supplementary private use
    ]

    /// Whether `scalar` is one that sanitised output must not contain.
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        if explicitRanges.contains(where: { $0.contains(scalar.value) }) { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return true
        default:
            return false
        }
    }

    /// The first dangerous scalar of `text`, if any (allowing `\n` when `allowingNewline`).
    static func firstIn(_ text: String, allowingNewline: Bool = false) -> Unicode.Scalar? {
        text.unicodeScalars.first { contains($0) && !(allowingNewline && $0 == "\n") }
    }
}
