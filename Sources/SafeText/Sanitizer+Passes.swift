/// The two passes behind ``Sanitizer``: scalar by scalar (placeholders, line breaks, tabs),
/// then character by character (tab stops, mark caps, orphan marks, ASCII, length cap).
extension Sanitizer {
    struct Options {
        var charset: TerminalCharset
        var maxScalars: Int
        var keepsLineBreaks: Bool
        var tabWidth: Int
    }

    static func sanitize(
        _ scalars: some Collection<Unicode.Scalar>,
        inputWasCut: Bool,
        options: Options
    ) -> String {
        let limit = max(0, options.maxScalars)
        if !inputWasCut, isPlainASCII(scalars, limit: limit) {
            return String(String.UnicodeScalarView(scalars))
        }
        if !inputWasCut, options.charset == .utf8, isPlainPrintable(scalars, limit: limit) {
            return String(String.UnicodeScalarView(scalars))
        }
        var wasCut = inputWasCut
        let staged = neutralise(scalars, limit: limit, wasCut: &wasCut, options: options)
        return finish(staged, dropLastCharacter: wasCut, limit: limit, options: options)
    }

    /// The text itself when it is printable ASCII within the limit (the common case, checked
    /// on UTF-8 bytes without decoding); `nil` otherwise.
    static func plainASCII(_ text: some StringProtocol, limit: Int) -> String? {
        let bytes = text.utf8
        guard bytes.count <= limit, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        return String(text)
    }

    /// Printable ASCII, short enough: nothing to do.
    private static func isPlainASCII(_ scalars: some Collection<Unicode.Scalar>, limit: Int) -> Bool {
        var count = 0
        for scalar in scalars {
            guard scalar.value >= 0x20, scalar.value < 0x7F else { return false }
            count += 1
            if count > limit { return false }
        }
        return true
    }

    /// Text both passes would leave as it is, in UTF-8: every scalar kept as it is (no control, format or unassigned
    /// scalar, no line break or tab) and none zero-width (so no combining mark to cap, no orphan mark, no lone
    /// zero-width letter), within the limit. Accented and non-Latin text drawn on every frame takes this path
    /// instead of the grapheme-by-grapheme second pass.
    private static func isPlainPrintable(_ scalars: some Collection<Unicode.Scalar>, limit: Int) -> Bool {
        var count = 0
        for scalar in scalars {
            count += 1
            guard count <= limit, ScalarSafety.disposition(of: scalar) == .keep, DisplayWidth.of(scalar) > 0 else {
                return false
            }
        }
        return true
    }

    /// Pass 1, scalar by scalar: placeholders for dangerous scalars, line breaks and tabs
    /// kept for a paragraph. Reads at most `limit + 1` scalars.
    private static func neutralise(
        _ scalars: some Collection<Unicode.Scalar>,
        limit: Int,
        wasCut: inout Bool,
        options: Options
    ) -> String {
        var staged = String.UnicodeScalarView()
        var pendingCarriageReturn = false
        var read = 0
        for scalar in scalars {
            if read > limit {
                wasCut = true
                break
            }
            read += 1
            if pendingCarriageReturn {
                pendingCarriageReturn = false
                if scalar == "\n" {
                    staged.append("\n")
                    continue
                }
                staged.append(contentsOf: Placeholders.placeholder(for: "\r", charset: options.charset).unicodeScalars)
            }
            switch ScalarSafety.disposition(of: scalar) {
            case .keep:
                staged.append(scalar)
            case .drop:
                break
            case .lineBreak where options.keepsLineBreaks:
                staged.append("\n")
            case .tab where options.keepsLineBreaks:
                staged.append("\t")
            case .neutralise where scalar == "\r" && options.keepsLineBreaks:
                pendingCarriageReturn = true
            case .lineBreak, .tab, .neutralise:
                staged.append(contentsOf: Placeholders.placeholder(for: scalar, charset: options.charset).unicodeScalars)
            }
        }
        if pendingCarriageReturn {
            staged.append(contentsOf: Placeholders.placeholder(for: "\r", charset: options.charset).unicodeScalars)
        }
        return String(staged)
    }

    /// Pass 2, character by character: tab expansion, combining-mark caps, orphan marks,
    /// ASCII transliteration and the length cap.
    private static func finish(_ staged: String, dropLastCharacter: Bool, limit: Int, options: Options) -> String {
        var output = String.UnicodeScalarView()
        var outputCount = 0
        var column = 0
        var characters = staged[...]
        if dropLastCharacter, !characters.isEmpty { characters.removeLast() }
        for character in characters {
            let piece: String
            if character == "\n" {
                piece = "\n"
            } else if character == "\t" {
                piece = String(repeating: " ", count: options.tabWidth - column % options.tabWidth)
            } else {
                piece = render(limitingMarks(character), charset: options.charset)
            }
            let pieceCount = piece.unicodeScalars.count
            if outputCount + pieceCount > limit { break }
            output.append(contentsOf: piece.unicodeScalars)
            outputCount += pieceCount
            column = piece == "\n" ? 0 : column + DisplayWidth.of(piece)
        }
        return String(output)
    }

    /// Keeps every spacing scalar of a character and its first few zero-width ones.
    private static func limitingMarks(_ character: Character) -> Character {
        let scalars = character.unicodeScalars
        guard scalars.count > maximumMarksPerCharacter + 1 else { return character }
        var kept = String.UnicodeScalarView()
        var marks = 0
        for scalar in scalars {
            if DisplayWidth.of(scalar) == 0 {
                marks += 1
                if marks > maximumMarksPerCharacter { continue }
            }
            kept.append(scalar)
        }
        return Character(String(kept))
    }

    /// A safe character as the charset shows it.
    private static func render(_ character: Character, charset: TerminalCharset) -> String {
        let width = DisplayWidth.of(character)
        if width == 0, let first = character.unicodeScalars.first {
            switch first.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                // A mark with nothing to sit on: give it a visible base, or drop it in ASCII.
                if charset == .ascii { return "" }
                var based = String.UnicodeScalarView([Placeholders.dottedCircle])
                based.append(contentsOf: character.unicodeScalars)
                return String(based)
            default:
                // A lone zero-width letter (a Hangul filler or medial jamo): the terminal
                // would merge it into the previous cell.
                return Placeholders.placeholder(for: first, charset: charset)
            }
        }
        switch charset {
        case .utf8: return String(character)
        case .ascii: return AsciiTransliteration.transliterate(character, width: width)
        }
    }
}
