import SafeText

/// A `[keys]` section that cannot be used: an unknown command or key name, or a key that may not be bound.
public struct KeyMapError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message for the operator.
    public var message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension KeyMap {
    /// The standard map changed by `overrides` (command name → key names, as the `[keys]` section writes them):
    /// each configured command gets exactly the keys given, and a key taken by a configured command leaves the
    /// command it had by default.
    ///
    /// - Parameter environment: used to tell which terminal multiplexer is present (`TMUX`, `STY`).
    /// - Returns: the map and the warnings to print before the dashboard opens: a key given to two commands, a
    ///   command left without any key, and keys that tmux (Ctrl-B) or screen (Ctrl-A) usually take.
    /// - Throws: ``KeyMapError`` for an unknown command or key name, or Ctrl-C (which always quits).
    public static func configured(
        _ overrides: [String: [String]], environment: [String: String]
    ) throws(KeyMapError) -> (map: KeyMap, warnings: [String]) {
        var warnings: [String] = []
        var configured: [KeyCommand: [Key]] = [:]
        for (name, keyNames) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let command = KeyCommand(rawValue: name) else {
                let known = KeyCommand.allCases.map(\.rawValue).joined(separator: ", ")
                let guess = KeyCommand.allCases.first { editDistance($0.rawValue, name.lowercased()) <= 2 }
                let hint = guess.map { " Did you mean \($0.rawValue)?" } ?? ""
                throw KeyMapError("[keys] \(shown(name)) is not a command.\(hint) Commands: \(known).")
            }
            var keys: [Key] = []
            for keyName in keyNames {
                guard let key = KeyName.parse(keyName) else {
                    throw KeyMapError(
                        "[keys] \(name) = \"\(shown(keyName))\" is not a key name. Use a character (\"a\"), \"ctrl-r\", "
                            + "\"F5\", \"up\", \"pgdn\", \"home\", \"enter\", \"esc\", \"tab\", \"space\"…"
                    )
                }
                if key == .control("c") {
                    throw KeyMapError("[keys] \(name): Ctrl-C always quits and cannot be bound to another command.")
                }
                if !keys.contains(key) { keys.append(key) }
            }
            configured[command] = keys
        }
        // Two configured commands on one key: the first in the command list keeps it.
        var owner: [Key: KeyCommand] = [:]
        for command in KeyCommand.allCases {
            guard var keys = configured[command] else { continue }
            keys.removeAll { key in
                guard let other = owner[key] else { owner[key] = command; return false }
                warnings.append(
                    "Key \(KeyName.label(key)) is bound to both \(other.rawValue) and \(command.rawValue) in [keys]; "
                        + "it runs \(other.rawValue). Give \(command.rawValue) another key."
                )
                return true
            }
            configured[command] = keys
        }
        var bindings = standard.bindings
        for (command, keys) in configured { bindings[command] = keys }
        for command in KeyCommand.allCases where configured[command] == nil {
            let before = bindings[command] ?? []
            let kept = before.filter { owner[$0] == nil }
            for key in before where owner[key] != nil {
                warnings.append(
                    "Key \(KeyName.label(key)) now runs \(owner[key]!.rawValue) ([keys]); it no longer runs \(command.rawValue)."
                )
            }
            bindings[command] = kept
        }
        for command in KeyCommand.allCases where (bindings[command] ?? []).isEmpty && command != .back {
            warnings.append("No key runs \(command.rawValue) (\(command.summary)); bind one in [keys] if you need it.")
        }
        warnings += multiplexerWarnings(bindings, configured: configured, environment: environment)
        return (KeyMap(bindings: bindings), warnings)
    }

    /// Ctrl-B (tmux's prefix) and Ctrl-A (screen's prefix) never reach the console when that multiplexer runs.
    static func multiplexerWarnings(
        _ bindings: [KeyCommand: [Key]], configured: [KeyCommand: [Key]], environment: [String: String]
    ) -> [String] {
        let inTmux = !(environment["TMUX"] ?? "").isEmpty
        let inScreen = !(environment["STY"] ?? "").isEmpty
        var warnings: [String] = []
        let prefixes: [(key: Key, program: String, present: Bool, variable: String)] = [
            (.control("b"), "tmux", inTmux, "TMUX"), (.control("a"), "screen", inScreen, "STY"),
        ]
        for prefix in prefixes {
            for command in KeyCommand.allCases where (bindings[command] ?? []).contains(prefix.key) {
                let chosen = configured[command]?.contains(prefix.key) ?? false
                // A default binding is only worth a word when the multiplexer is really there.
                guard chosen || prefix.present else { continue }
                let label = KeyName.label(prefix.key)
                let where_ = prefix.present
                    ? "you are inside \(prefix.program) ($\(prefix.variable) is set), so \(label) goes to \(prefix.program), not to the console"
                    : "\(prefix.program) takes it when the console runs inside \(prefix.program)"
                let others = (bindings[command] ?? []).filter { $0 != prefix.key }.map(KeyName.label)
                let alternative = others.isEmpty ? "bind another key in [keys]" : "use \(others.joined(separator: " or "))"
                warnings.append("\(label) runs \(command.rawValue), but it is \(prefix.program)'s prefix key: \(where_); \(alternative).")
            }
        }
        return warnings
    }

    /// A name from the config file made safe to print (it is untrusted).
    private static func shown(_ text: String) -> String {
        Sanitizer.line(String(text.prefix(40)), charset: .utf8)
    }

    /// How many single-character edits turn `a` into `b` (for "did you mean").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
