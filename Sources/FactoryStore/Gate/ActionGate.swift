import Foundation
import FactoryModel

/// The one gate every operator action passes through, from the command line and the dashboard alike.
///
/// It checks, fail-closed and inside the transaction that makes the change: the input (reasons, ids), the
/// account's role, read-only mode, four-eyes, and the item's current state and version (compare-and-set). The
/// change and its audit record commit together. An action refused for permission or lost to a race still leaves
/// an audit record, then throws. Invalid input and unknown ids change nothing and write nothing.
public struct ActionGate: Sendable {
    /// The store acted on.
    public let store: any JobStore
    /// Where the time of each act comes from.
    public let clock: any FactoryClock
    /// When true every action is refused (the console's `--read-only`).
    public let readOnly: Bool
    /// The oversight settings: how long a decision may be reversed.
    public let rules: OversightRules

    /// Creates a gate over `store`.
    public init(
        store: any JobStore, clock: any FactoryClock = SystemClock(), readOnly: Bool = false, rules: OversightRules = OversightRules()
    ) {
        self.store = store
        self.clock = clock
        self.readOnly = readOnly
        self.rules = rules
    }

    /// Performs `action` as `actor`, or throws why not.
    public func perform(_ action: OperatorAction, as actor: Actor) throws(ActionError) -> ActionReceipt {
        let reason = try ReasonRule.validate(action.reason, required: action.requiresReason)
        try Self.validateNames(in: action)
        let now = clock.now()
        let readOnly = self.readOnly
        let rules = self.rules
        let outcome: GateOutcome
        do {
            outcome = try store.transaction { tx in
                try GateTransaction(tx: tx, actor: actor, now: now, reason: reason, rules: rules).run(action, readOnly: readOnly)
            }
        } catch let error as StoreError {
            throw error.asActionError
        } catch let error as ActionError {
            throw error
        } catch {
            throw .storeUnavailable("The job store at \(store.location) failed during \(action.name): \(error)")
        }
        switch outcome {
        case .done(let receipt): return receipt
        case .refused(let error): throw error
        }
    }

    private static func validateNames(in action: OperatorAction) throws(ActionError) {
        switch action {
        case .reroute(_, let pool, _) where !Slug.isValid(pool):
            throw .invalidInput("\"\(pool.prefix(40))\" is not a pool name; pool names look like dakhla-gpu.")
        case .grant(let account, _) where !AccountName.isValid(account):
            throw .invalidInput("\"\(account.prefix(40))\" is not an account name (letters, digits, . _ -; at most 32).")
        case .pause(let scope, let target, _, _) where !Slug.isValid(target):
            throw .invalidInput("\"\(target.prefix(40))\" is not a \(scope.rawValue) name; names look like dakhla-gpu or dakhla.")
        case .escalate(_, let account, _) where !AccountName.isValid(account):
            throw .invalidInput("\"\(account.prefix(40))\" is not an account name (letters, digits, . _ -; at most 32).")
        default:
            return
        }
    }
}

extension OperatorAction {
    /// Reject, cancel and reroute need a reason; approve and grant do not.
    var requiresReason: Bool {
        switch self {
        case .reject, .cancel, .reroute, .pause, .resume, .reverse, .escalate: true
        case .approve, .grant, .confirmPause: false
        }
    }
}

/// What a gate transaction decided: commit and report success, or commit the audit record and throw.
enum GateOutcome: Sendable {
    case done(ActionReceipt)
    case refused(ActionError)
}
