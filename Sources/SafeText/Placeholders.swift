/// The visible, harmless stand-ins for neutralised scalars.
///
/// - UTF-8: C0 controls become their Control Pictures (ESC → `␛`, NUL → `␀`, LF → `␊`),
///   DEL becomes `␡`, anything else `⍰` (U+2370). Each is one column wide.
/// - ASCII: caret notation for C0 and DEL (`^[`, `^@`, `^?`), `<U+XXXX>` for anything else.
enum Placeholders {
    /// The placeholder for any other neutralised scalar in UTF-8 output.
    static let unknownUTF8: Unicode.Scalar = "\u{2370}"

    /// The base put under a combining mark that has nothing to attach to (U+25CC ◌).
    static let dottedCircle: Unicode.Scalar = "\u{25CC}"

    /// The placeholder text for a scalar that must not reach the terminal.
    static func placeholder(for scalar: Unicode.Scalar, charset: TerminalCharset) -> String {
        let value = scalar.value
        switch charset {
        case .utf8:
            if value < 0x20, let picture = Unicode.Scalar(0x2400 + value) { return String(picture) }
            if value == 0x7F { return "\u{2421}" }
            return String(unknownUTF8)
        case .ascii:
            if value < 0x20, let letter = Unicode.Scalar(value + 0x40) { return "^" + String(letter) }
            if value == 0x7F { return "^?" }
            return "<U+" + hex(value) + ">"
        }
    }

    /// Upper-case hexadecimal with at least four digits, as in `U+202E`.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
