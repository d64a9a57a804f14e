/// Makes untrusted text safe to send to a terminal or a plain-text output.
///
/// Every string that comes from the job store, the node registry, a config file or a user
/// goes through here before it is drawn. The output:
/// - holds no scalar that can act on a terminal or hide, reorder or overlay text: C0 and C1
///   controls (ESC, the one-character CSI U+009B, BEL, NUL, ...), DEL, format characters
///   (bidi embeddings, overrides and isolates, LRM/RLM/ALM, zero-width spaces and joiners,
///   BOM, tags), line and paragraph separators, private-use, unassigned and non-characters,
///   default-ignorable code points, and characters newer than the terminal's width tables;
///   each is replaced by a **visible** placeholder (see below), never silently removed;
/// - holds no emoji presentation selectors (U+FE0E, U+FE0F): they are removed, since they
///   change a character's width on some terminals but not in `wcwidth`;
/// - gives every character at most ``maximumMarksPerCharacter`` combining marks (stacked
///   marks are used to draw over neighbouring lines), and a base (◌) to a combining mark that
///   starts the text;
/// - is at most `maxScalars` scalars long, cut at a `Character` boundary.
///
/// Placeholders: in ``TerminalCharset/utf8``, C0 controls become Control Pictures
/// (ESC → `␛`, LF → `␊`, TAB → `␉`), DEL becomes `␡` and anything else `⍰`; bytes that are
/// not UTF-8 become `�`. In ``TerminalCharset/ascii``, caret notation (`^[`, `^J`, `^?`) and
/// `<U+202E>`; other text is transliterated to ASCII: accents are stripped (`Béni Mellal` →
/// `Beni Mellal`, `Laâyoune` → `Laayoune`) and characters with no ASCII spelling (Tifinagh,
/// Arabic, CJK) become one `?` per display column.
///
/// Sanitising is idempotent: sanitising sanitised text with the same charset changes nothing.
public enum Sanitizer {
    /// The default length cap of ``line(_:charset:maxScalars:)``, in Unicode scalars.
    public static let defaultLineLimit = 4096
    /// The default length cap of ``paragraph(_:charset:maxScalars:tabWidth:)``, in Unicode scalars.
    public static let defaultParagraphLimit = 65_536
    /// The default distance between tab stops of ``paragraph(_:charset:maxScalars:tabWidth:)``.
    public static let defaultTabWidth = 4
    /// The most combining (zero-width) scalars kept on one character; ncurses holds at most
    /// four beside the base in a cell (`CCHARW_MAX` is 5).
    public static let maximumMarksPerCharacter = 4

    /// Sanitises text meant for one line: every control, including `\n`, `\r` and `\t`,
    /// becomes a visible placeholder.
    ///
    /// - Parameters:
    ///   - text: untrusted text.
    ///   - charset: what the terminal can show.
    ///   - maxScalars: the longest result, in Unicode scalars; longer text is cut at a
    ///     `Character` boundary. Bounds time and memory on a hostile 1 MB field.
    /// - Returns: text with only printable, harmless characters.
    public static func line(
        _ text: some StringProtocol,
        charset: TerminalCharset,
        maxScalars: Int = defaultLineLimit
    ) -> String {
        if let plain = plainASCII(text, limit: maxScalars) { return plain }
        let options = Options(charset: charset, maxScalars: maxScalars, keepsLineBreaks: false, tabWidth: 1)
        return sanitize(text.unicodeScalars, inputWasCut: false, options: options)
    }

    /// Sanitises raw bytes meant for one line: bytes that are not valid UTF-8 become U+FFFD
    /// (`�`, or `?` in ASCII), then as ``line(_:charset:maxScalars:)``.
    public static func line(
        bytes: some Sequence<UInt8>,
        charset: TerminalCharset,
        maxScalars: Int = defaultLineLimit
    ) -> String {
        let byteLimit = max(0, min(maxScalars, Int.max / 8)) * 4 + 4
        var buffer: [UInt8] = []
        var wasCut = false
        for byte in bytes {
            if buffer.count == byteLimit {
                wasCut = true
                break
            }
            buffer.append(byte)
        }
        let decoded = String(decoding: buffer, as: UTF8.self)
        let options = Options(charset: charset, maxScalars: maxScalars, keepsLineBreaks: false, tabWidth: 1)
        return sanitize(decoded.unicodeScalars, inputWasCut: wasCut, options: options)
    }

    /// Sanitises text meant to be wrapped over several lines: line breaks (`\n`, `\r\n`,
    /// NEL, U+2028, U+2029) become `\n`, tabs become spaces up to the next tab stop, and
    /// everything else is treated as in ``line(_:charset:maxScalars:)`` (a lone `\r` becomes
    /// a placeholder: it would move the cursor back over the line).
    ///
    /// - Parameters:
    ///   - text: untrusted text.
    ///   - charset: what the terminal can show.
    ///   - maxScalars: the longest result, in Unicode scalars, cut at a `Character` boundary.
    ///   - tabWidth: the distance between tab stops, in columns (at least 1).
    public static func paragraph(
        _ text: some StringProtocol,
        charset: TerminalCharset,
        maxScalars: Int = defaultParagraphLimit,
        tabWidth: Int = defaultTabWidth
    ) -> String {
        let options = Options(
            charset: charset, maxScalars: maxScalars, keepsLineBreaks: true, tabWidth: max(1, tabWidth))
        if let plain = plainASCII(text, limit: maxScalars) { return plain }
        return sanitize(text.unicodeScalars, inputWasCut: false, options: options)
    }

    /// Whether a character passes ``line(_:charset:maxScalars:)`` unchanged: it is printable,
    /// harmless and, for ``TerminalCharset/ascii``, ASCII. Used to refuse typed or pasted input.
    public static func isSafe(_ character: Character, charset: TerminalCharset) -> Bool {
        let text = String(character)
        return line(text, charset: charset) == text
    }

    /// Whether a scalar is printable and harmless on its own (it may still need a base
    /// character, as a combining mark does). Used to filter typed input scalar by scalar.
    public static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        ScalarSafety.isSafeInLine(scalar)
    }
}
