import Foundation
import FactoryModel

/// The changes a run can undergo in one step; nil fields stay as they are.
public struct RunChange: Sendable, Hashable {
    /// The new state (must be a legal successor of the current one).
    public var state: RunState?
    /// The new pool.
    public var poolID: String?
    /// The node it now runs on; `.some(nil)` clears it.
    public var node: String??
    /// Set when the run starts running.
    public var startedAt: Date?
    /// Set when the run reaches a terminal state.
    public var endedAt: Date?
    /// Why it ended.
    public var endReason: String?
    /// An operator's cancel request.
    public var cancelRequest: RunRequest?
    /// An operator's reroute request.
    public var rerouteRequest: RunRequest?
    /// The pool a reroute request moves the run to; `.some(nil)` clears it.
    public var rerouteTo: String??

    /// Creates a change.
    public init(
        state: RunState? = nil, poolID: String? = nil, node: String?? = nil, startedAt: Date? = nil,
        endedAt: Date? = nil, endReason: String? = nil, cancelRequest: RunRequest? = nil,
        rerouteRequest: RunRequest? = nil, rerouteTo: String?? = nil
    ) {
        self.state = state
        self.poolID = poolID
        self.node = node
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.endReason = endReason
        self.cancelRequest = cancelRequest
        self.rerouteRequest = rerouteRequest
        self.rerouteTo = rerouteTo
    }
}

/// A new run, as the runtime submits it.
public struct NewRun: Sendable, Hashable {
    public var agent: String
    public var title: String
    public var projectID: ProjectID
    public var priority: RunPriority
    public var poolID: String
    public var gpus: Int
    public var cpus: Int
    public var submittedBy: String
    public var submittedAt: Date

    /// Creates a new run description.
    public init(
        agent: String, title: String, projectID: ProjectID, priority: RunPriority, poolID: String, gpus: Int, cpus: Int,
        submittedBy: String, submittedAt: Date
    ) {
        self.agent = agent
        self.title = title
        self.projectID = projectID
        self.priority = priority
        self.poolID = poolID
        self.gpus = gpus
        self.cpus = cpus
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
    }
}

/// A new request for human approval, as an agent raises it.
public struct NewApproval: Sendable, Hashable {
    public var runID: RunID
    public var subject: String
    public var proposedAction: String
    public var rationale: String
    public var risk: Risk
    public var requiredApprovals: Int
    public var requestedBy: String
    public var requestedAt: Date
    public var dueAt: Date

    /// Creates a new approval request; high risk needs two supervisors unless said otherwise.
    public init(
        runID: RunID, subject: String, proposedAction: String, rationale: String, risk: Risk,
        requiredApprovals: Int? = nil, requestedBy: String, requestedAt: Date, dueAt: Date
    ) {
        self.runID = runID
        self.subject = subject
        self.proposedAction = proposedAction
        self.rationale = rationale
        self.risk = risk
        self.requiredApprovals = requiredApprovals ?? risk.defaultRequiredApprovals
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.dueAt = dueAt
    }
}

/// The primitive reads and writes of one write transaction. The action gate and the runtime service build every
/// change from these, so the rules are written once for every kind of store. Reads see the transaction's own
/// writes; rows read here are locked against concurrent writers until the transaction ends.
public protocol StoreTransaction {
    /// An account's role (viewer when not listed).
    func role(of account: String) throws -> Role
    /// One approval with its decisions and its run's details.
    func approval(_ id: ApprovalID) throws -> Approval?
    /// One run.
    func run(_ id: RunID) throws -> Run?
    /// One pool.
    func pool(_ id: String) throws -> Pool?

    /// Moves an approval to `state` if its version is still `expectedVersion`; bumps the version.
    /// Returns false (and changes nothing) when someone changed it first.
    func updateApproval(_ id: ApprovalID, expectedVersion: Int64, state: ApprovalState, decidedAt: Date?) throws -> Bool
    /// Appends a decision (one per account and approval).
    func insertDecision(_ decision: Decision) throws
    /// Withdraws the pending approvals of a run; returns their ids.
    @discardableResult
    func withdrawPendingApprovals(ofRun id: RunID, at: Date) throws -> [ApprovalID]
    /// The most recent approval asked for a run.
    func latestApprovalID(ofRun id: RunID) throws -> ApprovalID?
    /// Pending approvals whose deadline is at or before `now`.
    func overdueApprovals(now: Date, limit: Int) throws -> [Approval]

    /// Applies `change` to a run if its version is still `expectedVersion`; bumps the version.
    /// Returns false (and changes nothing) when someone changed it first.
    func updateRun(_ id: RunID, expectedVersion: Int64, change: RunChange, at: Date) throws -> Bool
    /// Inserts a run in state `queued`.
    func insertRun(_ run: NewRun) throws -> RunID
    /// Inserts a pending approval.
    func insertApproval(_ approval: NewApproval) throws -> ApprovalID

    /// Gives an account a role (insert or replace).
    func upsertOperator(_ account: OperatorAccount) throws
    /// How many accounts have a role.
    func operatorCount() throws -> Int

    /// Appends a record to the audit chain after its current head, serialised against every other writer.
    @discardableResult
    func appendAudit(_ entry: AuditEntry, at: Date) throws -> AuditRecord

    /// Portable SQL (`?` placeholders, every value bound) on this transaction, for the oversight tables (pauses,
    /// reversals, escalations) whose reads and writes are written once for every kind of store. Only the action
    /// gate and the runtime service use it; never for bulk changes.
    var sql: any RawSQLSession { get }
}
