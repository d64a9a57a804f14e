/// Key names as the `[keys]` section of the config writes them, and as the footer and `?` help show them.
///
/// Accepted names (case-insensitive except single characters): a printable character (`"a"`, `"?"`, `"@"`),
/// `"space"`, `"ctrl-r"` (also `"c-r"`, `"^r"`), `"F1"`…`"F12"`, `"up"`, `"down"`, `"left"`, `"right"`, `"pgup"`
/// (`"page_up"`), `"pgdn"` (`"page_down"`), `"home"`, `"end"`, `"enter"`, `"esc"`, `"tab"`, `"shift-tab"`,
/// `"backspace"`, `"delete"`.
public enum KeyName {
    private static let named: [String: Key] = [
        "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "page_up": .pageUp, "page-up": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "page_down": .pageDown, "page-down": .pageDown,
        "home": .home, "end": .end, "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace, "delete": .delete,
    ]

    /// The key `name` stands for; nil when it names none.
    public static func parse(_ name: String) -> Key? {
        if name.count == 1, let character = name.first {
            guard let scalar = character.unicodeScalars.first, scalar.value >= 0x21, scalar.value != 0x7F,
                  !(0x80..<0xA0).contains(scalar.value) else { return nil }
            return .character(character)
        }
        let lower = name.lowercased()
        if let key = named[lower] { return key }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            return .control(letter)
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
            return .function(number)
        }
        return nil
    }

    /// How the footer and the help show `key`: `a`, `Ctrl-R`, `F5`, `↑`, `PgDn`, `Space`.
    public static func label(_ key: Key) -> String {
        switch key {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + letter.uppercased()
        case .function(let number): "F\(number)"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        }
    }
}
