/// A config file that cannot be used, with where and what to fix.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message for the operator.
    public var message: String

    /// Creates a config error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
