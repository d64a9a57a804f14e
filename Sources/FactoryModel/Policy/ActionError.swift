/// Why an operator's action did not happen. Each case maps to one exit code of the command line and one message
/// in the dashboard's status line; the message says what is wrong and what to do.
public enum ActionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The account's role, four-eyes or read-only mode forbids it (exit 3).
    case notPermitted(String)
    /// Someone else changed the item first: already decided, expired, state moved on (exit 4).
    case conflict(String)
    /// No such approval, run, pool or account (exit 5).
    case notFound(String)
    /// The request itself is wrong: missing reason, bad id, wrong pool kind (exit 64).
    case invalidInput(String)
    /// The store could not be read or written (exit 6).
    case storeUnavailable(String)

    /// The message for the operator.
    public var message: String {
        switch self {
        case .notPermitted(let text), .conflict(let text), .notFound(let text), .invalidInput(let text),
             .storeUnavailable(let text):
            text
        }
    }

    public var description: String { message }
}
