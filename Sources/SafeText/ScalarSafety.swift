/// What the sanitiser does with one Unicode scalar of untrusted text.
enum ScalarDisposition: Equatable {
    /// Printable and harmless: copied as it is.
    case keep
    /// A presentation hint that would make the terminal disagree with our width
    /// (U+FE0E, U+FE0F): removed silently, the character keeps its default presentation.
    case drop
    /// A line break (LF, NEL, U+2028, U+2029): a real break in a paragraph, a placeholder in a line.
    case lineBreak
    /// A horizontal tab: spaces in a paragraph, a placeholder in a line.
    case tab
    /// Anything that could act on the terminal, hide text, reorder it, or has no agreed width:
    /// replaced by a visible placeholder.
    case neutralise
}

/// The classification of scalars behind ``Sanitizer``.
///
/// Neutralised: C0 controls, DEL, C1 controls (U+009B is a one-character CSI), every format
/// character (Cf: bidi embeddings, overrides and isolates, LRM/RLM/ALM, zero-width space,
/// joiners, word joiner, BOM, tag characters, soft hyphen), line and paragraph separators
/// (in a line), private-use, unassigned and non-character code points, default-ignorable
/// code points (Hangul fillers, combining grapheme joiner, ...), and characters newer than
/// ``ScalarSafety/newestTrustedUnicodeVersion``.
enum ScalarSafety {
    /// The newest Unicode version whose characters we let through.
    ///
    /// glibc 2.36 (Debian 12), whose `wcwidth` ncurses uses, knows Unicode 14.0: for newer
    /// characters it returns -1, so the terminal and our layout would disagree on their width.
    static let newestTrustedUnicodeVersion = (major: 14, minor: 0)

    /// The disposition of one scalar.
    static func disposition(of scalar: Unicode.Scalar) -> ScalarDisposition {
        let value = scalar.value
        switch value {
        case 0x20...0x7E: return .keep
        case 0x0A: return .lineBreak
        case 0x09: return .tab
        case 0x00..<0x20, 0x7F: return .neutralise
        case 0x85: return .lineBreak
        case 0x80...0x9F: return .neutralise
        case 0xAD: return .neutralise
        case 0xA0..<0x300: return .keep
        case 0x2028, 0x2029: return .lineBreak
        case 0xFE0E, 0xFE0F: return .drop
        default: break
        }
        let properties = scalar.properties
        guard let age = properties.age, isTrusted(age) else { return .neutralise }
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return .neutralise
        default:
            break
        }
        if properties.isNoncharacterCodePoint { return .neutralise }
        if properties.isDefaultIgnorableCodePoint && !properties.isVariationSelector { return .neutralise }
        return .keep
    }

    /// Whether a scalar passes through a single-line sanitiser unchanged.
    static func isSafeInLine(_ scalar: Unicode.Scalar) -> Bool {
        disposition(of: scalar) == .keep
    }

    private static func isTrusted(_ age: Unicode.Version) -> Bool {
        (age.major, age.minor) <= newestTrustedUnicodeVersion
    }
}
