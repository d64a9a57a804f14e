/// What the keyboard is talking to.
public enum InputMode: Sendable, Hashable {
    /// Navigation and action keys.
    case normal
    /// Typing an incremental filter after `/`.
    case filter(TextField)
    /// Typing a command after `:` (a screen name, `q`).
    case command(TextField)
    /// An action dialog is open.
    case dialog(ActionDialog)
    /// The key help of the current screen is shown.
    case help
    /// The `@` overlay: this session's actions and their command lines.
    case sessionActions
    /// The export prompt: where to write the rows in view.
    case export(ExportPrompt)
}
