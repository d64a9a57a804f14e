import FactoryModel

/// Milliseconds, the unit of every time in the plan (as in the job store).
enum Millis {
    static let second: Int64 = 1000
    static let minute: Int64 = 60 * second
    static let hour: Int64 = 60 * minute
    static let day: Int64 = 24 * hour

    /// The start (00:00 UTC) of the day holding `time`.
    static func dayStart(_ time: Int64) -> Int64 { time - ((time % day) + day) % day }
}

/// An operator's cancel or reroute request in the plan.
struct PlannedRequest: Hashable {
    var by: String
    var reason: String
    var at: Int64
}

/// A supervisor's decision in the plan.
struct PlannedDecision: Hashable {
    var by: String
    var verdict: Verdict
    var reason: String?
    var at: Int64
}

/// An attempt to decide that the gate refused, kept for the audit trail.
struct PlannedDenial: Hashable {
    enum Kind: Hashable {
        /// The account submitted the run or requested the approval.
        case fourEyes
        /// The account's role is too low to decide.
        case role(Role)
    }

    var by: String
    var kind: Kind
    var at: Int64
}

/// A request for approval in the plan, with its decisions and what the runtime did about it.
struct PlannedApproval: Hashable {
    var id: Int64 = 0
    var subject: String
    var proposedAction: String
    var rationale: String
    var risk: Risk
    var requiredApprovals: Int
    var requestedBy: String
    var requestedAt: Int64
    var dueAt: Int64
    var state: ApprovalState
    var decidedAt: Int64?
    var decisions: [PlannedDecision] = []
    var denials: [PlannedDenial] = []
    /// When the runtime noticed the deadline had passed (expired approvals).
    var expiredNoticedAt: Int64?
    /// When the runtime resumed the run (approved approvals).
    var resumedAt: Int64?

    /// One for the insert, one per decision, one for expiry or withdrawal (compare-and-set bumps).
    var version: Int64 {
        1 + Int64(decisions.count) + (state == .expired || state == .withdrawn ? 1 : 0)
    }
}

/// A run in the plan. Its id is given once every run is planned, in order of submission.
struct PlannedRun: Hashable {
    var id: Int64 = 0
    var agent: String
    var title: String
    var projectID: Int64
    var state: RunState
    var priority: RunPriority
    var poolID: String
    var node: String?
    var gpus: Int
    var cpus: Int
    var submittedBy: String
    var submittedAt: Int64
    var startedAt: Int64?
    var endedAt: Int64?
    var endReason: String?
    var cancel: PlannedRequest?
    var reroute: PlannedRequest?
    var rerouteTo: String?
    /// The pool a queued run was moved away from (its reroute request says by whom).
    var reroutedFrom: String?
    /// One for the insert, one per later change.
    var version: Int64 = 1
    /// The approval asked for this run, if any.
    var approval: PlannedApproval?

    /// The time of the run's last change.
    var updatedAt: Int64 {
        [
            submittedAt, startedAt, endedAt, cancel?.at, reroute?.at, approval?.requestedAt, approval?.resumedAt,
        ].compactMap { $0 }.max() ?? submittedAt
    }
}

/// An audit entry in the plan, with its time and a tie-breaker that keeps the order stable.
struct PlannedAudit {
    var at: Int64
    var order: Int
    var entry: AuditEntry
}

/// Everything the demo writes, in insertion order.
struct DemoPlan {
    var projects: [Project]
    var operators: [OperatorAccount]
    var runs: [PlannedRun]
    var audit: [PlannedAudit]
}
