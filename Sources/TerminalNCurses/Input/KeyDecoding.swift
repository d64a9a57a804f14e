import ConsoleCore
import SafeText

/// Turns what `wget_wch` returns into ``Key`` values. Pure: no terminal needed.
///
/// - Characters: 10 and 13 are Enter (`nonl` makes the Enter key send 13), 9 is Tab,
///   8 and 127 are Backspace, 27 is Esc, the other control characters 1–26 are
///   `.control(letter)` (1 is Ctrl-A, 12 is Ctrl-L); NUL, 28–31 and C1 controls are ignored,
///   and so is any character ``Sanitizer/isSafe(_:)-(Unicode.Scalar)`` refuses (bidi overrides...).
/// - Key codes: arrows, Page Up/Down, Home/End, Shift-Tab (`KEY_BTAB`), `KEY_BACKSPACE`,
///   `KEY_ENTER`, Delete (`KEY_DC`), F1–F12; `KEY_RESIZE` is a resize; the rest is ignored.
enum KeyDecoding {
    /// Decodes one `wget_wch` result.
    static func decode(_ raw: RawKey) -> DecodedKey {
        switch raw {
        case .code(let code):
            if code == NCursesKeyCodes.resize { return .resize }
            return NCursesKeyCodes.table[code].map(DecodedKey.key) ?? .ignored
        case .character(let value):
            return decodeCharacter(value)
        }
    }

    private static func decodeCharacter(_ value: UInt32) -> DecodedKey {
        switch value {
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 1...26:
            guard let letter = Unicode.Scalar(UInt32(96) + value) else { return .ignored }
            return .key(.control(Character(letter)))
        case 0, 28...31, 0x80..<0xA0: return .ignored
        default:
            guard let scalar = Unicode.Scalar(value), Sanitizer.isSafe(scalar) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    /// What to make of an Esc that ncurses returned, given what was already waiting after it.
    ///
    /// ncurses waits the escape delay after Esc for an escape sequence it knows (an arrow,
    /// F1...); when none matches, it returns Esc alone and keeps the bytes that followed.
    /// - Nothing waiting: a real Esc press.
    /// - `[` or `O` waiting: the start of a sequence ncurses does not know (a key of another
    ///   terminal type, e.g. Home as `ESC [ 1 ~` when `TERM` names the wrong terminal). It is
    ///   dropped whole (see ``UnknownSequence``) rather than typed into a field as `[1~`.
    /// - Another character waiting: Alt plus that character (a terminal sends Alt-x as Esc then
    ///   x at once). The console binds no Alt keys, and Alt-q must not read as Esc then q
    ///   (quit), so both are dropped.
    /// - Another Esc or a key code waiting: Esc counts on its own, and the rest is kept.
    ///
    /// - Parameter next: what `wget_wch` returned at once, without waiting, after the Esc;
    ///   `nil` when nothing was waiting.
    static func resolveEscape(followedBy next: RawKey?) -> EscapeResolution {
        switch next {
        case nil:
            return .escape(keep: nil)
        case .character(27), .code:
            return .escape(keep: next)
        case .character(let value):
            if let sequence = UnknownSequence(introducer: value) { return .dropSequence(sequence) }
            return .dropAltCharacter
        }
    }
}

/// What an Esc followed by something else means (see ``KeyDecoding/resolveEscape(followedBy:)``).
enum EscapeResolution: Hashable {
    /// Report Esc, then decode `keep` (if any) as the next key.
    case escape(keep: RawKey?)
    /// Alt plus a character: report nothing.
    case dropAltCharacter
    /// An escape sequence ncurses does not know has started: drop the rest of it too.
    case dropSequence(UnknownSequence)
}

/// The rest of an escape sequence ncurses did not recognise, to be dropped: after `ESC [`
/// (CSI) parameter and intermediate bytes up to a final byte (`@`–`~`); after `ESC O` (SS3)
/// one final character. At most ``maximumLength`` characters are taken, so a stray `ESC [`
/// cannot swallow typed text.
struct UnknownSequence: Hashable {
    /// The most characters taken after the introducer.
    static let maximumLength = 16

    /// Whether the sequence began with `ESC [` (otherwise `ESC O`).
    let isControlSequence: Bool
    /// Whether the final character has been taken (or the length limit reached).
    private(set) var isComplete = false
    private var length = 0

    /// A sequence starting with `introducer` after Esc: `[` or `O`; `nil` for anything else.
    init?(introducer: UInt32) {
        switch introducer {
        case 0x5B: isControlSequence = true
        case 0x4F: isControlSequence = false
        default: return nil
        }
    }

    /// Takes `raw` when it belongs to the sequence (returns `true`); otherwise leaves it to be
    /// decoded as a key (returns `false`) and the sequence is over.
    mutating func take(_ raw: RawKey) -> Bool {
        guard !isComplete, case .character(let value) = raw else {
            isComplete = true
            return false
        }
        length += 1
        if length >= Self.maximumLength { isComplete = true }
        switch value {
        case 0x20...0x3F where isControlSequence:
            return true
        case 0x40...0x7E:
            isComplete = true
            return true
        default:
            isComplete = true
            return false
        }
    }
}
