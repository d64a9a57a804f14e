import CNCursesW
import Glibc

extension NCursesTerminal {
    /// Whether the terminal's description says it can set the clipboard (the `Ms` capability: tmux, recent
    /// xterm descriptions). `[console] clipboard = "auto"` copies only then.
    public var describesClipboard: Bool {
        guard isActive else { return false }
        return fc_has_clipboard_capability() != 0
    }

    /// Puts `id` on the terminal's clipboard with OSC 52 (`ESC ] 52 ; c ; base64 BEL`). Only letters, digits and
    /// `-_.` are sent, at most 128 of them; returns false when nothing was sent. The terminal may ignore it (tmux
    /// takes it only with `set-clipboard on`).
    @discardableResult
    public func copyToClipboard(_ id: String) -> Bool {
        guard isActive else { return false }
        let safe = id.unicodeScalars.filter { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-_.".unicodeScalars.contains(scalar))
        }.prefix(128)
        guard !safe.isEmpty else { return false }
        let sequence = Array("\u{1B}]52;c;".utf8) + Self.base64(Array(String(String.UnicodeScalarView(safe)).utf8)) + [0x07]
        let before = ThreadOutputCounter.written()
        let sent = sequence.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) } == sequence.count
        count(since: before)
        return sent
    }

    /// Standard base64 (RFC 4648) of `bytes`, as ASCII bytes.
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
            out.append(alphabet[Int((value >> 18) & 63)])
            out.append(alphabet[Int((value >> 12) & 63)])
            out.append(chunk.count > 1 ? alphabet[Int((value >> 6) & 63)] : UInt8(ascii: "="))
            out.append(chunk.count > 2 ? alphabet[Int(value & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return out
    }
}
