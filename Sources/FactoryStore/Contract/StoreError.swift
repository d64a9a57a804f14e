import FactoryModel

/// Why the job store could not be used. Always says which store and what to do.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad kind of failure, for exit codes and for the dashboard's status marks.
    public enum Kind: String, Sendable, Equatable {
        /// No store at the given place.
        case missing
        /// Another process holds the write lock longer than the busy timeout.
        case busy
        /// The file or its folder cannot be written.
        case readOnly
        /// The file is not a job store, or is damaged.
        case corrupt
        /// The disk is full.
        case diskFull
        /// The store was written by a newer console.
        case schemaTooNew
        /// The database server cannot be reached, or another failure.
        case unavailable
    }

    /// The kind of failure.
    public var kind: Kind
    /// The message for the operator.
    public var message: String

    /// Creates a store error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The same failure as an action error (exit code 6).
    public var asActionError: ActionError { .storeUnavailable(message) }
}
