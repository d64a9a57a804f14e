/// `[console] clipboard`: whether `y` copies the selected id to the terminal's clipboard with OSC 52.
public enum ClipboardChoice: String, Sendable, Hashable {
    /// Only when the terminal's description has the `Ms` capability (tmux, some xterm descriptions).
    case auto
    /// Always try (the terminal ignores it if it does not allow it).
    case osc52
    /// Never.
    case off

    /// Whether copying is allowed, given what the terminal's description says.
    public func allows(terminalDescribesIt: Bool) -> Bool {
        switch self {
        case .auto: terminalDescribesIt
        case .osc52: true
        case .off: false
        }
    }
}
