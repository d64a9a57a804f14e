import ConsoleCore

/// The keys that scroll the help and the `@` overlay, as bound (`↓ j`).
enum OverlayScrollHint {
    static func keys(_ state: ConsoleState, down: Bool) -> String {
        let keys = state.options.keyMap
        return keys.primaryLabel(for: down ? .down : .up) ?? keys.label(for: down ? .pageDown : .pageUp)
    }
}
