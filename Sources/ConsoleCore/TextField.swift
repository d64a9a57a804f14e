import SafeText

/// The editing model of a one-line text field (a reason, a filter, a search).
///
/// Text is edited by `Character` (grapheme cluster): `é` written as `e` + U+0301, a Tifinagh
/// letter or a flag move and delete as one. Input is sanitised: control, bidi and invisible
/// characters are refused, line breaks and tabs typed or pasted become spaces, so the text
/// can be stored and shown as it is.
public struct TextField: Sendable, Hashable {
    /// The default ``maxLength``.
    public static let defaultMaxLength = 500

    /// The text, always safe for a one-line terminal display.
    public private(set) var text: String
    /// The cursor, as a `Character` offset in ``text``: 0 is before the first character,
    /// `text.count` after the last.
    public private(set) var cursor: Int
    /// The most characters the field holds.
    public let maxLength: Int

    /// A field holding `text` (sanitised and cut to `maxLength`), cursor at its end.
    public init(text: String = "", maxLength: Int = TextField.defaultMaxLength) {
        self.maxLength = max(0, maxLength)
        self.text = ""
        self.cursor = 0
        insert(text)
    }

    /// Whether the text is empty or only spaces.
    public var isBlank: Bool {
        text.allSatisfy { $0.isWhitespace }
    }

    /// The text without leading and trailing spaces.
    public var trimmedText: String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// The text before the cursor.
    public var textBeforeCursor: Substring {
        text[..<cursorIndex]
    }

    /// Inserts typed or pasted text at the cursor and moves the cursor after it.
    ///
    /// Line breaks and tabs become spaces; other controls and invisible or bidi characters
    /// are refused; characters beyond ``maxLength`` are refused.
    /// - Returns: `true` when all of `input` was inserted, `false` when some was refused.
    @discardableResult
    public mutating func insert(_ input: String) -> Bool {
        var accepted = ""
        var refused = false
        for character in input {
            let candidate: Character = character == "\n" || character == "\r\n" || character == "\r"
                || character == "\t" ? " " : character
            if candidate.unicodeScalars.allSatisfy(Sanitizer.isSafe) {
                accepted.append(candidate)
            } else {
                refused = true
            }
        }
        let before = text[..<cursorIndex]
        let after = text[cursorIndex...]
        let room = maxLength - text.count
        if accepted.count > room {
            accepted = String(accepted.prefix(max(0, room)))
            refused = true
        }
        let head = String(before) + accepted
        var combined = head + after
        // A combining mark can merge with a neighbour, so count again.
        while combined.count > maxLength, !accepted.isEmpty {
            accepted.removeLast()
            refused = true
            combined = String(before) + accepted + after
        }
        text = combined
        cursor = min((String(before) + accepted).count, text.count)
        return !refused
    }

    /// Deletes the character before the cursor (Backspace).
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        let index = text.index(before: cursorIndex)
        text.remove(at: index)
        cursor -= 1
    }

    /// Deletes the character after the cursor (Delete).
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: cursorIndex)
    }

    /// Deletes from the start of the word before the cursor to the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        let range = text.index(text.startIndex, offsetBy: start)..<cursorIndex
        text.removeSubrange(range)
        cursor = start
    }

    /// Empties the field.
    public mutating func clear() {
        text = ""
        cursor = 0
    }

    /// Moves the cursor one character left.
    public mutating func moveLeft() {
        cursor = max(0, cursor - 1)
    }

    /// Moves the cursor one character right.
    public mutating func moveRight() {
        cursor = min(text.count, cursor + 1)
    }

    /// Moves the cursor before the first character (Home, Ctrl-A).
    public mutating func moveHome() {
        cursor = 0
    }

    /// Moves the cursor after the last character (End, Ctrl-E).
    public mutating func moveEnd() {
        cursor = text.count
    }

    /// Moves the cursor to the start of the word before it (Ctrl-Left).
    public mutating func moveWordLeft() {
        cursor = wordStart(before: cursor)
    }

    /// Moves the cursor past the end of the word after it (Ctrl-Right).
    public mutating func moveWordRight() {
        let characters = Array(text)
        var position = cursor
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        while position < characters.count, !characters[position].isWhitespace { position += 1 }
        cursor = position
    }

    private var cursorIndex: String.Index {
        text.index(text.startIndex, offsetBy: cursor)
    }

    private func wordStart(before offset: Int) -> Int {
        let characters = Array(text)
        var position = offset
        while position > 0, characters[position - 1].isWhitespace { position -= 1 }
        while position > 0, !characters[position - 1].isWhitespace { position -= 1 }
        return position
    }
}
