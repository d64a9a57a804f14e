import ConsoleCore
import Testing

@testable import TerminalNCurses

@Suite("Decoding wget_wch results into keys")
struct KeyDecodingTests {
    private func key(_ raw: RawKey) -> Key? {
        if case .key(let key) = KeyDecoding.decode(raw) { return key }
        return nil
    }

    @Test("control characters: Enter, Tab, Backspace, Esc and Ctrl plus a letter")
    func controlCharacters() {
        #expect(key(.character(10)) == .enter)
        #expect(key(.character(13)) == .enter)  // nonl: the Enter key sends CR
        #expect(key(.character(9)) == .tab)
        #expect(key(.character(127)) == .backspace)
        #expect(key(.character(8)) == .backspace)  // Ctrl-H, and Backspace on some terminals
        #expect(key(.character(27)) == .escape)
        #expect(key(.character(1)) == .control("a"))
        #expect(key(.character(12)) == .control("l"))
        #expect(key(.character(23)) == .control("w"))
        #expect(key(.character(26)) == .control("z"))
    }

    @Test("NUL, 28-31 and C1 controls are ignored", arguments: [0, 28, 29, 30, 31, 0x80, 0x9B, 0x9F] as [UInt32])
    func ignoredControls(value: UInt32) {
        #expect(KeyDecoding.decode(.character(value)) == .ignored)
    }

    @Test("printable characters, wide ones included, arrive whole")
    func printable() {
        #expect(key(.character(0x71)) == .character("q"))
        #expect(key(.character(0x20)) == .character(" "))
        #expect(key(.character(0xE9)) == .character("é"))
        #expect(key(.character(0x6F22)) == .character("漢"))
        #expect(key(.character(0x2D5C)) == .character("ⵜ"))  // Tifinagh
    }

    @Test("a bidi override or an invalid scalar never becomes a key")
    func unsafeScalars() {
        #expect(KeyDecoding.decode(.character(0x202E)) == .ignored)
        #expect(KeyDecoding.decode(.character(0xD800)) == .ignored)  // a lone surrogate
        #expect(KeyDecoding.decode(.character(0x11_0000)) == .ignored)  // beyond Unicode
    }

    /// ncurses' key codes are fixed numbers (curses.h, octal): checked here by value, so a
    /// wrong wrapper in the shim shows up.
    @Test("ncurses key codes map to keys")
    func keyCodes() {
        #expect(key(.code(0o403)) == .up)
        #expect(key(.code(0o402)) == .down)
        #expect(key(.code(0o404)) == .left)
        #expect(key(.code(0o405)) == .right)
        #expect(key(.code(0o523)) == .pageUp)  // KEY_PPAGE
        #expect(key(.code(0o522)) == .pageDown)  // KEY_NPAGE
        #expect(key(.code(0o406)) == .home)
        #expect(key(.code(0o550)) == .end)
        #expect(key(.code(0o541)) == .backTab)
        #expect(key(.code(0o407)) == .backspace)
        #expect(key(.code(0o527)) == .enter)
        #expect(key(.code(0o512)) == .delete)  // KEY_DC
        #expect(key(.code(0o410 + 1)) == .function(1))
        #expect(key(.code(0o410 + 12)) == .function(12))
        #expect(KeyDecoding.decode(.code(0o632)) == .resize)
    }

    @Test("unknown key codes (mouse, F13, keypad centre) are ignored")
    func unknownCodes() {
        #expect(KeyDecoding.decode(.code(0o631)) == .ignored)  // KEY_MOUSE
        #expect(KeyDecoding.decode(.code(0o410 + 13)) == .ignored)
        #expect(KeyDecoding.decode(.code(0o536)) == .ignored)  // KEY_B2
    }

    @Test("Esc alone is Esc; Esc then another Esc or a key code keeps the second")
    func escapeAlone() {
        #expect(KeyDecoding.resolveEscape(followedBy: nil) == .escape(keep: nil))
        #expect(KeyDecoding.resolveEscape(followedBy: .character(27)) == .escape(keep: .character(27)))
        #expect(KeyDecoding.resolveEscape(followedBy: .code(0o403)) == .escape(keep: .code(0o403)))
    }

    @Test("Alt plus a character (Esc then the character at once) is dropped, so Alt-q never quits")
    func altCharacter() {
        #expect(KeyDecoding.resolveEscape(followedBy: .character(0x71)) == .dropAltCharacter)
        #expect(KeyDecoding.resolveEscape(followedBy: .character(13)) == .dropAltCharacter)
    }

    @Test("an unknown CSI sequence (Home as ESC [ 1 ~ under the wrong TERM) is dropped whole")
    func unknownControlSequence() throws {
        guard case .dropSequence(var sequence) = KeyDecoding.resolveEscape(followedBy: .character(0x5B)) else {
            Issue.record("ESC [ should start a sequence to drop")
            return
        }
        #expect(sequence.isControlSequence)
        var taken: [Bool] = []
        for value in [0x31, 0x3B, 0x35] as [UInt32] {  // 1 ; 5
            taken.append(sequence.take(.character(value)))
        }
        #expect(taken == [true, true, true])
        #expect(!sequence.isComplete)
        let tookFinal = sequence.take(.character(0x7E))  // ~ (final)
        #expect(tookFinal)
        #expect(sequence.isComplete)
        let tookNext = sequence.take(.character(0x71))  // the next key is not part of it
        #expect(!tookNext)
    }

    @Test("an unknown SS3 sequence (ESC O P) takes one final character")
    func unknownSS3Sequence() throws {
        var sequence = try #require(UnknownSequence(introducer: 0x4F))
        #expect(!sequence.isControlSequence)
        let taken = sequence.take(.character(0x50))
        #expect(taken)
        #expect(sequence.isComplete)
    }

    @Test("a key code or control character inside an unknown sequence ends it and is kept")
    func sequenceInterrupted() throws {
        var sequence = try #require(UnknownSequence(introducer: 0x5B))
        let tookCode = sequence.take(.code(0o403))
        #expect(!tookCode)
        #expect(sequence.isComplete)
        var other = try #require(UnknownSequence(introducer: 0x5B))
        let tookReturn = other.take(.character(13))
        #expect(!tookReturn)
        #expect(other.isComplete)
    }

    @Test("an unknown sequence never takes more than its limit")
    func sequenceLimit() throws {
        var sequence = try #require(UnknownSequence(introducer: 0x5B))
        var taken = 0
        while !sequence.isComplete {
            guard sequence.take(.character(0x30)) else { break }
            taken += 1
        }
        #expect(taken == UnknownSequence.maximumLength)
        #expect(UnknownSequence(introducer: 0x78) == nil)
    }
}
