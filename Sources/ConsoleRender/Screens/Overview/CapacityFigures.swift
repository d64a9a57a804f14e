import ConsoleCore
import FactoryModel

/// One kind of capacity (GPU, CPU, Edge) summed from the registry's last sample, for the overview.
struct CapacityFigures: Sendable, Hashable {
    /// A site and its mean utilisation.
    struct SiteLoad: Sendable, Hashable {
        var name: String
        var percent: Double
    }

    /// One site's nodes of this kind.
    struct SiteFigures: Sendable, Hashable {
        /// The site's id (the key of its history) and name.
        var id: String
        var name: String
        /// Its nodes of this kind, and how many are not down.
        var total: Int
        var up: Int
        /// Mean utilisation and memory use of those not down, if any.
        var utilisation: Double?
        var memory: Double?
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
    /// Every site with nodes of this kind, by name.
    var sites: [SiteFigures] = []

    /// How many nodes are down.
    var down: Int { total - up }

    /// The figures of each kind, in ``ResourceKind`` order, from `nodes` (one pass); site ids become names
    /// through `sites`.
    static func of(_ nodes: [NodeSample], sites: [Site]) -> [CapacityFigures] {
        of(NodeTotals.of(nodes), sites: sites)
    }

    /// The figures of each kind from totals summed once per sample; site ids become names through `sites`.
    static func of(_ totals: [NodeTotals], sites: [Site]) -> [CapacityFigures] {
        let names = Dictionary(sites.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return totals.map { total in
            var figures = CapacityFigures(kind: total.kind, total: total.total, up: total.up, downNames: total.downNames)
            figures.sites = total.sites.map { id, sum in
                SiteFigures(
                    id: id, name: names[id] ?? id, total: sum.nodes, up: sum.count,
                    utilisation: sum.count > 0 ? sum.sum / Double(sum.count) : nil,
                    memory: sum.count > 0 ? sum.memorySum / Double(sum.count) : nil
                )
            }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            guard total.up > 0 else { return figures }
            figures.utilisation = total.utilisationSum / Double(total.up)
            figures.memory = total.memoryCount > 0 ? total.memorySum / Double(total.memoryCount) : nil
            figures.busiestSites = total.sites
                .filter { $0.value.count > 0 }
                .map { SiteLoad(name: names[$0.key] ?? $0.key, percent: $0.value.sum / Double($0.value.count)) }
                .sorted { ($0.percent, $1.name) > ($1.percent, $0.name) }
            return figures
        }
    }
}
