import Foundation

/// A one-line message in the status line: the outcome of an action, a refusal, a hint.
public struct StatusMessage: Sendable, Hashable {
    /// How the message is shown.
    public enum Severity: Sendable, Hashable {
        case info, success, warning, error
    }

    /// The text. Built from untrusted parts sometimes: the renderer sanitises it like everything else.
    public var text: String
    /// How it is shown.
    public var severity: Severity
    /// When it appeared (messages fade after a while).
    public var at: Date

    /// Creates a message.
    public init(_ text: String, severity: Severity, at: Date) {
        self.text = text
        self.severity = severity
        self.at = at
    }
}
