/// Blocks whose characters are East Asian Wide or Fullwidth (two columns), apart from emoji,
/// which ``DisplayWidth`` recognises by their default emoji presentation.
///
/// Whole blocks are listed, unassigned gaps included: the sanitiser replaces unassigned code
/// points, so only assigned characters are ever measured. Combining marks inside these blocks
/// (U+302A–U+302D, U+3099–U+309A) are caught as zero-width before this table is consulted.
enum WideCharacterRanges {
    /// Sorted, non-overlapping ranges of wide code points.
    static let ranges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x2FDF,    // CJK radicals, Kangxi radicals
        0x2FF0...0x303E,    // ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,    // kana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK compatibility
        0x3400...0xA4CF,    // CJK extension A, Yijing hexagrams, CJK unified ideographs, Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth forms
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols and punctuation
        0x16FF0...0x16FF1,
        0x17000...0x18CFF,  // Tangut, Tangut components, Khitan small script
        0x18D00...0x18D08,  // Tangut supplement
        0x1AFF0...0x1AFFF,  // kana extended B
        0x1B000...0x1B2FF,  // kana supplement, kana extended A, small kana, Nushu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B–F, compatibility ideographs supplement
        0x30000...0x3FFFD,  // CJK extension G and beyond
    ]

    /// Whether `value` lies in one of the ranges (binary search).
    static func contains(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
