import Foundation

/// What `fusion-console seed` generates: a factory of `nodes` nodes with a history of `runs` runs,
/// `pendingApprovals` approvals waiting for a human and `auditRecords` audit records.
public struct SeedOptions: Sendable, Hashable {
    /// Nodes of the factory (the registry of `simulate --nodes` serves the same ones); at least the demo's 79.
    public var nodes: Int
    /// Runs in the store, every state, most of them ended.
    public var runs: Int
    /// Approvals pending now (each holds a run awaiting approval); decided ones come on top, with the history.
    public var pendingApprovals: Int
    /// Audit records, exactly: the store's creation, the grants, the history, and the seed's own record last.
    public var auditRecords: Int
    /// The seed of every random draw: the same options give the same rows.
    public var seed: UInt64
    /// The factory's present: queued runs were submitted just before it, pending deadlines fall after it.
    public var now: Date

    /// The fewest audit records: the store's creation, the ten demo accounts' grants and the seed's record.
    public static let minimumAudit = 12
    /// The most nodes, runs and audit records one seed writes.
    public static let maximumRows = 50_000_000

    /// Creates options.
    public init(nodes: Int, runs: Int, pendingApprovals: Int, auditRecords: Int, seed: UInt64 = 1, now: Date = Date()) {
        self.nodes = nodes
        self.runs = runs
        self.pendingApprovals = pendingApprovals
        self.auditRecords = auditRecords
        self.seed = seed
        self.now = now
    }

    /// Why these options cannot be generated, in the words of the command's flags; nil when they can.
    public var problem: String? {
        let demoNodes = DemoCatalogue.nodes.count
        if nodes < demoNodes || nodes > 200_000 {
            return "--nodes must be between \(demoNodes) (the demo factory) and 200000."
        }
        if runs < 0 || runs > Self.maximumRows { return "--runs must be between 0 and \(Self.maximumRows)." }
        if pendingApprovals < 0 || pendingApprovals > runs {
            return "--approvals must be between 0 and --runs (\(runs)): each pending approval holds a run."
        }
        if auditRecords < Self.minimumAudit || auditRecords > Self.maximumRows {
            return "--audit must be between \(Self.minimumAudit) (the store's creation, the grants, the seed's record) "
                + "and \(Self.maximumRows)."
        }
        return nil
    }
}
