import Foundation

/// A decision an agent flagged for a human: what it proposes, why, and who has decided so far.
public struct Approval: Sendable, Hashable, Identifiable {
    /// The approval's id, printed `A-4821`.
    public var id: ApprovalID
    /// The run waiting on it.
    public var runID: RunID
    /// One line saying what is to be decided, e.g. `Allocation des aides eau — Souss-Massa`. Untrusted text.
    public var subject: String
    /// What will happen if approved. Untrusted text.
    public var proposedAction: String
    /// The agent's rationale and evidence. Untrusted text, may hold several lines.
    public var rationale: String
    /// How much harm a wrong decision could do.
    public var risk: Risk
    /// Distinct supervisors who must approve (1 or 2).
    public var requiredApprovals: Int
    /// The agent (or account) that asked.
    public var requestedBy: String
    /// When it was asked.
    public var requestedAt: Date
    /// The deadline; past it the approval expires, it is never approved by default.
    public var dueAt: Date
    /// Pending, approved, rejected, expired or withdrawn.
    public var state: ApprovalState
    /// When it left `pending`.
    public var decidedAt: Date?
    /// Bumped on every change (compare-and-set).
    public var version: Int64
    /// The decisions taken so far, oldest first.
    public var decisions: [Decision]
    /// The run's title (read with the approval, for display).
    public var runTitle: String
    /// The account or agent that submitted the run (four-eyes).
    public var runSubmittedBy: String
    /// The run's project name.
    public var projectName: String
    /// The run's institute.
    public var instituteID: String
    /// The run's pool.
    public var poolID: String

    /// Creates an approval.
    public init(
        id: ApprovalID, runID: RunID, subject: String, proposedAction: String, rationale: String, risk: Risk,
        requiredApprovals: Int, requestedBy: String, requestedAt: Date, dueAt: Date, state: ApprovalState = .pending,
        decidedAt: Date? = nil, version: Int64 = 1, decisions: [Decision] = [], runTitle: String = "",
        runSubmittedBy: String = "", projectName: String = "", instituteID: String = "", poolID: String = ""
    ) {
        self.id = id
        self.runID = runID
        self.subject = subject
        self.proposedAction = proposedAction
        self.rationale = rationale
        self.risk = risk
        self.requiredApprovals = requiredApprovals
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.dueAt = dueAt
        self.state = state
        self.decidedAt = decidedAt
        self.version = version
        self.decisions = decisions
        self.runTitle = runTitle
        self.runSubmittedBy = runSubmittedBy
        self.projectName = projectName
        self.instituteID = instituteID
        self.poolID = poolID
    }

    /// The accounts that approved so far.
    public var approvers: [String] { decisions.filter { $0.verdict == .approve }.map(\.decidedBy) }

    /// Whether the deadline has passed at `now`.
    public func isOverdue(at now: Date) -> Bool { now >= dueAt }
}
