import FactoryModel
import FactoryStore
import FusionConfig

/// A failure the command line reports in plain words on stderr, with its documented exit code.
///
/// | code | meaning |
/// |---|---|
/// | 0 | done |
/// | 3 | not permitted (role, four-eyes, read-only, `--as` by a non-root account) |
/// | 4 | conflict (already decided, expired, state changed) |
/// | 5 | not found |
/// | 6 | store or registry unavailable or unreadable |
/// | 64 | usage or invalid input |
public struct CommandFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exit code.
    public var exitCode: Int32
    /// The message for the operator.
    public var message: String

    /// Creates a failure.
    public init(exitCode: Int32, message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    public var description: String { message }

    /// Exit code for a refusal by role, four-eyes or read-only mode.
    public static let notPermittedCode: Int32 = 3
    /// Exit code for a lost race or a decision that came too late.
    public static let conflictCode: Int32 = 4
    /// Exit code for an unknown id.
    public static let notFoundCode: Int32 = 5
    /// Exit code for a store or registry that cannot be used.
    public static let unavailableCode: Int32 = 6
    /// Exit code for bad usage or input (EX_USAGE).
    public static let usageCode: Int32 = 64

    /// Invalid input or usage.
    public static func usage(_ message: String) -> CommandFailure { CommandFailure(exitCode: usageCode, message: message) }

    /// The failure for an action refused by the gate.
    public init(_ error: ActionError) {
        switch error {
        case .notPermitted(let message): self.init(exitCode: Self.notPermittedCode, message: message)
        case .conflict(let message): self.init(exitCode: Self.conflictCode, message: message)
        case .notFound(let message): self.init(exitCode: Self.notFoundCode, message: message)
        case .invalidInput(let message): self.init(exitCode: Self.usageCode, message: message)
        case .storeUnavailable(let message): self.init(exitCode: Self.unavailableCode, message: message)
        }
    }

    /// The failure for a store that cannot be used.
    public init(_ error: StoreError) {
        self.init(exitCode: Self.unavailableCode, message: error.message)
    }

    /// The failure for a config file that cannot be used.
    public init(_ error: ConfigError) {
        self.init(exitCode: Self.usageCode, message: error.message)
    }
}
