/// How many terminal columns text takes, as glibc's `wcwidth` (and so ncurses) counts them.
///
/// Rules for one scalar:
/// - 0 for combining marks (Mn, Me), format characters (Cf) other than the prepended
///   concatenation marks (U+0600–U+0605, U+06DD, ...), Hangul medial and final jamo
///   (U+1160–U+11FF, U+D7B0–U+D7FF) and controls (which sanitised text never holds);
/// - 2 for East Asian Wide and Fullwidth characters: CJK, Hangul syllables, kana, fullwidth
///   forms, and emoji whose default presentation is emoji (🚀, ✅, ⌛);
/// - 1 for everything else: Latin with or without accents, Arabic, Tifinagh (U+2D30–U+2D7F),
///   box drawing (U+2500–), block elements (U+2580–), arrows, ▶ ● ▲ ✓ ✗ ⚠ and other
///   East Asian Ambiguous characters.
///
/// A `Character` (grapheme cluster) is as wide as the **sum** of its scalars: `é` written
/// as `e` + U+0301 is 1, `한` is 2, and a flag (two regional indicators) is 2. This is how
/// ncurses advances its cursor (each spacing scalar takes its own cells, zero-width ones join
/// the previous cell), so a grid laid out with these widths lines up on the real screen.
/// A string is as wide as the sum of its characters.
public enum DisplayWidth {
    /// The display width of one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 {
            if value >= 0xA0 || (value >= 0x20 && value < 0x7F) { return 1 }
            return 0
        }
        if isZeroWidth(scalar) { return 0 }
        if WideCharacterRanges.contains(value) { return 2 }
        if isEmojiPresentationWide(scalar) { return 2 }
        return 1
    }

    /// The display width of one grapheme cluster: the sum of its scalars' widths.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars { width += of(scalar) }
        return width
    }

    /// The display width of a string: the sum of its scalars' widths.
    ///
    /// Meant for sanitised text (see ``Sanitizer``); controls count as 0.
    public static func of(_ string: some StringProtocol) -> Int {
        var width = 0
        for scalar in string.unicodeScalars { width += of(scalar) }
        return width
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        // Ahom medial ra: a nonspacing mark in Unicode 14 (glibc 2.36), a spacing mark since 15.0.
        if value == 0x1171E { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return true
        case .format:
            return !isPrependedConcatenationMark(value)
        case .control:
            return true
        default:
            return false
        }
    }

    /// Format characters that glibc (and terminals) draw as one column: they carry a digit sequence.
    private static func isPrependedConcatenationMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD: true
        default: false
        }
    }

    /// Emoji presented as emoji by default are wide, except the regional indicators, which
    /// are narrow one by one (a flag is a pair of them).
    private static func isEmojiPresentationWide(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x231A else { return false }
        if (0x1F1E6...0x1F1FF).contains(scalar.value) { return false }
        return scalar.properties.isEmojiPresentation
    }
}
