import Foundation
import FactoryModel

/// What the console knows of node utilisation: the last good sample, its history, and how fresh it is.
public struct RegistryView: Sendable {
    /// The nodes of the last good sample. Setting them sums them again (``totals``).
    public var nodes: [NodeSample] {
        didSet { totals = NodeTotals.of(nodes) }
    }
    /// Recent mean utilisation per kind, oldest first, 0–100.
    public var kindHistory: [ResourceKind: [Double]]
    /// Recent mean utilisation of each kind at each site, oldest first, 0–100.
    public var siteHistory: [KindAtSite: [Double]]
    /// Freshness; `configured` false when no registry is set up.
    public var status: SourceStatus
    /// Where the data comes from, for the header (`registry`, `prometheus`).
    public var sourceName: String
    /// The nodes summed per kind, once per sample rather than once per frame.
    public private(set) var totals: [NodeTotals]
    /// Which sample of the registry the nodes are (a view that only confirms them again keeps the number); nil when
    /// unknown, and every such view is taken as a new sample.
    public var sample: Int?
    /// Recent utilisation of one node, looked up only for the nodes on screen.
    private let historyOf: @Sendable (String) -> [Double]

    /// Creates a registry view whose node histories are given whole.
    public init(
        nodes: [NodeSample] = [], nodeHistory: [String: [Double]] = [:], kindHistory: [ResourceKind: [Double]] = [:],
        siteHistory: [KindAtSite: [Double]] = [:], status: SourceStatus = SourceStatus(configured: false),
        sourceName: String = "registry", sample: Int? = nil
    ) {
        self.init(nodes: nodes, history: { nodeHistory[$0] ?? [] }, kindHistory: kindHistory, siteHistory: siteHistory,
                  status: status, sourceName: sourceName, sample: sample)
    }

    /// Creates a registry view whose node histories are looked up when drawn (a registry of ten thousand nodes keeps
    /// them compact, and a frame shows a few dozen).
    public init(
        nodes: [NodeSample], history: @escaping @Sendable (String) -> [Double], kindHistory: [ResourceKind: [Double]],
        siteHistory: [KindAtSite: [Double]] = [:], status: SourceStatus, sourceName: String, sample: Int? = nil
    ) {
        self.nodes = nodes
        self.kindHistory = kindHistory
        self.siteHistory = siteHistory
        self.status = status
        self.sourceName = sourceName
        self.sample = sample
        totals = NodeTotals.of(nodes)
        historyOf = history
    }

    /// Recent utilisation of node `id` (GPU mean for GPU nodes, CPU otherwise), oldest first, 0–100.
    public func history(of id: String) -> [Double] { historyOf(id) }

    /// No registry configured.
    public static let unconfigured = RegistryView()
}

/// One kind of capacity summed over a sample's nodes, for the overview.
public struct NodeTotals: Sendable, Hashable {
    /// One site's nodes of this kind: how many, how many are not down, and their utilisation and memory summed over
    /// those not down.
    public struct SiteSum: Sendable, Hashable {
        /// The sum of the nodes' utilisation.
        public var sum: Double = 0
        /// The nodes summed (those not down).
        public var count = 0
        /// All the site's nodes of this kind, down ones included.
        public var nodes = 0
        /// Memory use summed over the nodes not down (GPU memory for GPU nodes).
        public var memorySum: Double = 0
    }

    /// The kind.
    public var kind: ResourceKind
    /// Nodes of this kind.
    public var total = 0
    /// Nodes not down (up, degraded or draining).
    public var up = 0
    /// The working utilisation (GPU mean for GPU nodes, CPU otherwise) summed over the nodes not down.
    public var utilisationSum: Double = 0
    /// Memory use summed (GPU memory for GPU nodes, host memory otherwise), and how many nodes were summed.
    public var memorySum: Double = 0
    public var memoryCount = 0
    /// The first down nodes' names, in the sample's order.
    public var downNames: [String] = []
    /// Per site id.
    public var sites: [String: SiteSum] = [:]

    /// The names kept of down nodes.
    public static let downNamesKept = 8

    /// The totals of each kind, in ``ResourceKind`` order, in one pass over `nodes`.
    public static func of(_ nodes: [NodeSample]) -> [NodeTotals] {
        var totals = ResourceKind.allCases.map { NodeTotals(kind: $0) }
        for node in nodes {
            guard let slot = ResourceKind.allCases.firstIndex(of: node.kind) else { continue }
            totals[slot].total += 1
            totals[slot].sites[node.site, default: SiteSum()].nodes += 1
            guard node.status != .down else {
                if totals[slot].downNames.count < downNamesKept { totals[slot].downNames.append(node.name) }
                continue
            }
            totals[slot].up += 1
            let util = node.kind == .gpu ? (node.meanGPUUtil ?? node.cpuUtil) : node.cpuUtil
            totals[slot].utilisationSum += util
            var memory = node.memUtil
            if node.kind == .gpu, !node.gpus.isEmpty {
                memory = 0
                for gpu in node.gpus { memory += gpu.memUtil }
                memory /= Double(node.gpus.count)
            }
            totals[slot].memorySum += memory
            totals[slot].memoryCount += 1
            totals[slot].sites[node.site, default: SiteSum()].sum += util
            totals[slot].sites[node.site, default: SiteSum()].count += 1
            totals[slot].sites[node.site, default: SiteSum()].memorySum += memory
        }
        return totals
    }
}
