import FactoryModel

/// One kind of capacity (GPU, CPU, Edge) summed from the registry's last sample, for the overview.
struct CapacityFigures: Sendable, Hashable {
    /// A site and its mean utilisation.
    struct SiteLoad: Sendable, Hashable {
        var name: String
        var percent: Double
    }

    /// The kind.
    var kind: ResourceKind
    /// Nodes of this kind.
    var total = 0
    /// Nodes not down (up, degraded or draining).
    var up = 0
    /// Mean utilisation of the nodes not down (GPU mean for GPU nodes, CPU otherwise), if any.
    var utilisation: Double?
    /// Mean memory use of the nodes not down: GPU memory for GPU nodes, host memory otherwise.
    var memory: Double?
    /// The first down nodes' names, in the registry's order (a few: the count says how many in all).
    var downNames: [String] = []
    /// The busiest sites first.
    var busiestSites: [SiteLoad] = []

    /// How many nodes are down.
    var down: Int { total - up }

    /// The names kept of down nodes.
    static let downNamesKept = 8

    /// The figures of each kind, in ``ResourceKind`` order, from `nodes` (one pass); site ids become names
    /// through `sites`.
    static func of(_ nodes: [NodeSample], sites: [Site]) -> [CapacityFigures] {
        var figures = ResourceKind.allCases.map { CapacityFigures(kind: $0) }
        var utilSums = [Double](repeating: 0, count: figures.count)
        var memSums = [Double](repeating: 0, count: figures.count)
        var memCounts = [Int](repeating: 0, count: figures.count)
        var siteSums: [[String: (sum: Double, count: Int)]] = Array(repeating: [:], count: figures.count)
        for node in nodes {
            guard let slot = ResourceKind.allCases.firstIndex(of: node.kind) else { continue }
            figures[slot].total += 1
            guard node.status != .down else {
                if figures[slot].downNames.count < downNamesKept { figures[slot].downNames.append(node.name) }
                continue
            }
            figures[slot].up += 1
            let util = node.kind == .gpu ? (node.meanGPUUtil ?? node.cpuUtil) : node.cpuUtil
            utilSums[slot] += util
            if node.kind == .gpu, !node.gpus.isEmpty {
                memSums[slot] += node.gpus.map(\.memUtil).reduce(0, +) / Double(node.gpus.count)
            } else {
                memSums[slot] += node.memUtil
            }
            memCounts[slot] += 1
            siteSums[slot][node.site, default: (0, 0)].sum += util
            siteSums[slot][node.site, default: (0, 0)].count += 1
        }
        let names = Dictionary(sites.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for slot in figures.indices where figures[slot].up > 0 {
            figures[slot].utilisation = utilSums[slot] / Double(figures[slot].up)
            figures[slot].memory = memCounts[slot] > 0 ? memSums[slot] / Double(memCounts[slot]) : nil
            figures[slot].busiestSites = siteSums[slot]
                .map { SiteLoad(name: names[$0.key] ?? $0.key, percent: $0.value.sum / Double($0.value.count)) }
                .sorted { ($0.percent, $1.name) > ($1.percent, $0.name) }
        }
        return figures
    }
}
