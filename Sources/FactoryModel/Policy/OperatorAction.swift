/// Everything an operator can ask the factory to do. Every one of them passes through the action gate.
public enum OperatorAction: Sendable, Hashable {
    /// Approve a flagged decision, with an optional reason.
    case approve(ApprovalID, reason: String?)
    /// Reject a flagged decision; a reason is required.
    case reject(ApprovalID, reason: String)
    /// Cancel a run; a reason is required.
    case cancel(RunID, reason: String)
    /// Move a run to another pool; a reason is required.
    case reroute(RunID, toPool: String, reason: String)
    /// Give an account a role (admin only).
    case grant(account: String, role: Role)
    /// Stop new work on a pool or a whole site (supervisor; a site pause needs a second supervisor's confirmation).
    case pause(scope: PauseScope, target: String, mode: PauseMode, reason: String)
    /// Confirm another supervisor's site pause (supervisor, not the one who asked).
    case confirmPause(PauseID, reason: String?)
    /// Lift a pause or withdraw an unconfirmed one (supervisor, reason required).
    case resume(PauseID, reason: String)
    /// Reverse the decisions on an approval its run has not acted on yet (supervisor, reason required).
    case reverse(ApprovalID, reason: String)
    /// Hand an approval near its deadline to a named supervisor (operator, reason required).
    case escalate(ApprovalID, to: String, reason: String)

    /// The name written in the audit trail: `approve`, `reject`, `cancel`, `reroute`, `grant`.
    public var name: String {
        switch self {
        case .approve: "approve"
        case .reject: "reject"
        case .cancel: "cancel"
        case .reroute: "reroute"
        case .grant: "grant"
        case .pause: "pause"
        case .confirmPause: "confirm-pause"
        case .resume: "resume"
        case .reverse: "reverse"
        case .escalate: "escalate"
        }
    }

    /// The item acted on, as printed: `A-4821`, `R-190233`, or the account name.
    public var subject: String {
        switch self {
        case .approve(let id, _), .reject(let id, _): id.description
        case .cancel(let id, _), .reroute(let id, _, _): id.description
        case .grant(let account, _): account
        case .pause(_, let target, _, _): target
        case .confirmPause(let id, _), .resume(let id, _): id.description
        case .reverse(let id, _), .escalate(let id, _, _): id.description
        }
    }

    /// The reason given, if any.
    public var reason: String? {
        switch self {
        case .approve(_, let reason): reason
        case .reject(_, let reason), .cancel(_, let reason), .reroute(_, _, let reason): reason
        case .grant: nil
        case .confirmPause(_, let reason): reason
        case .pause(_, _, _, let reason), .resume(_, let reason), .reverse(_, let reason), .escalate(_, _, let reason): reason
        }
    }

    /// The least role that may take this action.
    public var minimumRole: Role {
        switch self {
        case .approve, .reject: .supervisor
        case .cancel, .reroute: .operator
        case .grant: .admin
        case .pause, .confirmPause, .resume, .reverse: .supervisor
        case .escalate: .operator
        }
    }
}
