import FactoryModel
import FactoryStore

/// For tests: the kind of refusal, without its message, for assertions.
public enum RefusalKind: Equatable {
    case notPermitted, conflict, notFound, invalidInput, storeUnavailable
}

extension ActionError {
    public var kind: RefusalKind {
        switch self {
        case .notPermitted: .notPermitted
        case .conflict: .conflict
        case .notFound: .notFound
        case .invalidInput: .invalidInput
        case .storeUnavailable: .storeUnavailable
        }
    }
}

/// Runs a gate action expected to be refused; returns the refusal (nil if it succeeded).
public func refusal(_ body: () throws(ActionError) -> ActionReceipt) -> ActionError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}
