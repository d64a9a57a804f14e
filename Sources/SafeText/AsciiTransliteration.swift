import Foundation

/// Turns one printable, already-safe character into ASCII for a non-UTF-8 terminal.
///
/// In order: ASCII stays; the compatibility decomposition (NFKD) without its combining marks
/// is used when it is pure ASCII (`é` → `e`, `â` → `a`, `…` → `...`, `Ａ` → `A`, `ﬁ` → `fi`);
/// then a small table of common letters and punctuation without a decomposition
/// (`ß` → `ss`, `œ` → `oe`, `ø` → `o`, `’` → `'`, `«` → `"`, `—` → `-`, `→` → `>`); anything else
/// (Tifinagh, Arabic, CJK, symbols) becomes one `?` per display column, so columns still line up.
enum AsciiTransliteration {
    /// The ASCII text for `character`, whose display width is `width`.
    static func transliterate(_ character: Character, width: Int) -> String {
        if character.isASCII { return String(character) }
        let decomposed = String(character).decomposedStringWithCompatibilityMapping
        var ascii = ""
        for scalar in decomposed.unicodeScalars where !isCombiningMark(scalar) {
            if scalar.isASCII, scalar.value >= 0x20, scalar.value != 0x7F {
                ascii.unicodeScalars.append(scalar)
            } else if let mapped = table[scalar] {
                ascii += mapped
            } else {
                return String(repeating: "?", count: max(width, 1))
            }
        }
        return ascii
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: true
        default: false
        }
    }

    /// Letters and punctuation that have no ASCII decomposition but an obvious ASCII spelling.
    private static let table: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
        "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
        "ł": "l", "Ł": "L", "ħ": "h", "Ħ": "H", "ı": "i", "ŧ": "t", "Ŧ": "T",
        "‘": "'", "’": "'", "‚": ",", "‛": "'", "“": "\"", "”": "\"", "„": "\"", "‟": "\"",
        "«": "\"", "»": "\"", "‹": "<", "›": ">", "′": "'", "″": "\"",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
        "•": "*", "·": ".", "×": "x", "÷": "/", "⁄": "/", "°": "o",
        "€": "EUR", "£": "GBP", "¥": "JPY", "©": "(c)", "®": "(R)", "§": "S", "¶": "P",
        "→": ">", "←": "<", "↑": "^", "↓": "v",
        "¡": "!", "¿": "?", "¦": "|", "¬": "-", "±": "+-",
    ]
}
