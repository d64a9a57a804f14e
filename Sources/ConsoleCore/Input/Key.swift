/// A key press, as the terminal backend decodes it. Function keys have letter equivalents everywhere, since
/// screen, PuTTY and mosh often swallow them.
public enum Key: Sendable, Hashable {
    /// A printable character (already decoded from UTF-8).
    case character(Character)
    /// Control plus a letter, e.g. `.control("l")` for Ctrl-L.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// F1–F12.
    case function(Int)
}

extension Key {
    /// Whether the key types text in a field (a printable character): such keys never act outside normal mode.
    var isTyped: Bool {
        if case .character = self { return true }
        return false
    }
}
