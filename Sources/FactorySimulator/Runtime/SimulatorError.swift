/// Why the simulator cannot start or go on. The message says what is wrong and what to do.
public struct SimulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The store could not be read or written.
        case store
        /// The store is not a demo factory; the simulator refuses to play the runtime on it.
        case notADemoStore
        /// Another simulator already plays the runtime on this store.
        case alreadyRunning
        /// The listen address cannot be used (malformed, in use, not permitted).
        case listen
    }

    /// What went wrong.
    public var kind: Kind
    /// The message for the operator.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
