import Foundation
import FactoryModel

/// What the console last read from the job store: immutable values, loaded off the UI thread.
public struct StoreSnapshot: Sendable {
    /// The queue at a glance.
    public var queue: QueueSummary
    /// The approvals list window (for the approvals screen; its first rows also feed the overview).
    public var approvals: ListWindow<Approval>
    /// The runs list window.
    public var runs: ListWindow<Run>
    /// All institutes, JAZARI ROOT first.
    public var institutes: [Institute]
    /// All projects with their activity.
    public var projects: [ProjectActivity]
    /// The audit trail window, newest first.
    public var audit: ListWindow<AuditRecord>
    /// The first break in the audit chain, if verification found one.
    public var auditBreak: AuditBreak?
    /// Whether the chain has been walked once yet (a long trail is verified while the dashboard already shows it).
    public var auditVerified: Bool
    /// Pools with their load (reroute choices, overview).
    public var pools: [PoolLoad]
    /// Sites (names for display).
    public var sites: [Site]
    /// The approvals of the selected run (runs detail pane).
    public var selectedRunApprovals: [Approval]
    /// The account's role as the store says now.
    public var role: Role
    /// The requests this snapshot answers.
    public var needs: DataNeeds
    /// Pauses not lifted (active or awaiting confirmation): the red banner on every screen.
    public var pauses: [Pause] = []
    /// The escalations of the approvals shown, oldest first.
    public var escalations: [ApprovalID: [Escalation]] = [:]
    /// Who was on duty for the expired approvals shown.
    public var onDuty: [ApprovalID: [String]] = [:]

    /// Creates a snapshot.
    public init(
        queue: QueueSummary, approvals: ListWindow<Approval>, runs: ListWindow<Run>, institutes: [Institute],
        projects: [ProjectActivity], audit: ListWindow<AuditRecord>, auditBreak: AuditBreak?, pools: [PoolLoad],
        sites: [Site], selectedRunApprovals: [Approval], role: Role, needs: DataNeeds, auditVerified: Bool = true
    ) {
        self.queue = queue
        self.approvals = approvals
        self.runs = runs
        self.institutes = institutes
        self.projects = projects
        self.audit = audit
        self.auditBreak = auditBreak
        self.auditVerified = auditVerified
        self.pools = pools
        self.sites = sites
        self.selectedRunApprovals = selectedRunApprovals
        self.role = role
        self.needs = needs
    }
}

/// Which windows of which lists the console needs now; the loader reads exactly these.
public struct DataNeeds: Sendable, Hashable {
    /// The runs window.
    public var runs: RunQuery
    /// The approvals window.
    public var approvals: ApprovalQuery
    /// The audit window.
    public var audit: AuditQuery
    /// The run whose approvals the detail pane shows.
    public var runDetail: RunID?

    /// Creates the needs.
    public init(runs: RunQuery, approvals: ApprovalQuery, audit: AuditQuery, runDetail: RunID?) {
        self.runs = runs
        self.approvals = approvals
        self.audit = audit
        self.runDetail = runDetail
    }
}
