import Foundation

extension ConsoleState {
    /// Applies an editing key to a text field; returns false when the key is not an editing key.
    static func edit(_ field: inout TextField, with key: Key) -> Bool {
        switch key {
        case .character(let c): _ = field.insert(String(c))
        case .backspace: field.deleteBackward()
        case .delete: field.deleteForward()
        case .left: field.moveLeft()
        case .right: field.moveRight()
        case .home, .control("a"): field.moveHome()
        case .end, .control("e"): field.moveEnd()
        case .control("w"): field.deleteWordBackward()
        case .control("u"): field.clear()
        default: return false
        }
        return true
    }

    /// `/`: every keystroke filters at once; Enter keeps the filter, Esc clears it.
    mutating func handleFilter(_ key: Key, _ field: inout TextField) -> [ConsoleEffect] {
        switch key {
        case .enter, .down, .up:
            mode = .normal
            return []
        case .escape:
            mode = .normal
            return setFilter("")
        default:
            guard Self.edit(&field, with: key) else { return [] }
            mode = .filter(field)
            return field.text == list.filter ? [] : setFilter(field.text)
        }
    }

    /// `:`: a screen name or number, or `q` to quit.
    mutating func handleCommand(_ key: Key, _ field: inout TextField) -> [ConsoleEffect] {
        switch key {
        case .escape:
            mode = .normal
            return []
        case .enter:
            mode = .normal
            let command = field.trimmedText.lowercased()
            if ["q", "quit", "exit"].contains(command) {
                return quitRequested(confirmed: false)
            }
            if let effects = runOversightCommand(command) { return effects }
            guard let target = Screen.named(command) else {
                status = StatusMessage(
                    tr("Unknown command :\(command). Try a screen (:overview, :nodes, :runs, :approvals, :institutes, :audit), :pause, :confirm, :resume, :escalate or :q."),
                    severity: .warning, at: now
                )
                return []
            }
            return switchTo(target)
        default:
            if Self.edit(&field, with: key) { mode = .command(field) }
            return []
        }
    }
}
