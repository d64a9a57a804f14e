import FactoryModel

/// What ``DemoFactory/populate(_:seed:now:creator:)`` wrote, for the command line to print.
public struct DemoSummary: Sendable, Hashable, CustomStringConvertible {
    /// The seed the demo was drawn with.
    public var seed: UInt64
    /// Sites written.
    public var sites: Int
    /// Pools written.
    public var pools: Int
    /// Nodes the simulator serves (not stored: the registry reports them).
    public var nodes: Int
    /// Institutes written (JAZARI ROOT included).
    public var institutes: Int
    /// Projects written.
    public var projects: Int
    /// Demo accounts granted a role (accounts that already had one are left alone).
    public var accountsGranted: Int
    /// Runs written, by state.
    public var runsByState: [RunState: Int]
    /// Approvals written, by state.
    public var approvalsByState: [ApprovalState: Int]
    /// Pending approvals, by risk.
    public var pendingByRisk: [Risk: Int]
    /// Decisions written.
    public var decisions: Int
    /// Audit records appended (the creator's `init` record included when populate made it).
    public var auditRecords: Int

    /// Creates a summary.
    public init(
        seed: UInt64, sites: Int, pools: Int, nodes: Int, institutes: Int, projects: Int, accountsGranted: Int,
        runsByState: [RunState: Int], approvalsByState: [ApprovalState: Int], pendingByRisk: [Risk: Int],
        decisions: Int, auditRecords: Int
    ) {
        self.seed = seed
        self.sites = sites
        self.pools = pools
        self.nodes = nodes
        self.institutes = institutes
        self.projects = projects
        self.accountsGranted = accountsGranted
        self.runsByState = runsByState
        self.approvalsByState = approvalsByState
        self.pendingByRisk = pendingByRisk
        self.decisions = decisions
        self.auditRecords = auditRecords
    }

    /// Runs in `state`.
    public func runs(_ state: RunState) -> Int { runsByState[state] ?? 0 }
    /// Approvals in `state`.
    public func approvals(_ state: ApprovalState) -> Int { approvalsByState[state] ?? 0 }
    /// All runs written.
    public var runs: Int { RunState.allCases.reduce(0) { $0 + runs($1) } }
    /// All approvals written.
    public var approvals: Int { ApprovalState.allCases.reduce(0) { $0 + approvals($1) } }

    /// Four lines for the operator, in a fixed order.
    public var description: String {
        let runStates = RunState.allCases.map { "\(runs($0)) \($0.label)" }.joined(separator: ", ")
        let risks = Risk.allCases.reversed().map { "\(pendingByRisk[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let finals = ApprovalState.allCases.filter(\.isFinal).map { "\(approvals($0)) \($0.rawValue)" }.joined(separator: ", ")
        return """
            Demo factory (seed \(seed)): \(sites) sites, \(pools) pools, \(nodes) nodes, \(institutes) institutes, \
            \(projects) projects, \(accountsGranted) demo accounts.
            Runs \(runs): \(runStates).
            Approvals \(approvals): \(approvals(.pending)) pending (\(risks)), \(finals); \(decisions) decisions.
            Audit: \(auditRecords) records appended.
            """
    }
}
