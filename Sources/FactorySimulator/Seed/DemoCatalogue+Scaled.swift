import FactoryModel

extension DemoCatalogue {
    /// The demo's nodes grown (or kept) to `count` nodes, for a factory of another size (`seed --nodes`,
    /// `simulate --nodes`).
    ///
    /// The CPU servers and the edge boxes stay the demo's (45 nodes); every other node is a GPU server of 8 GPUs, and
    /// the GPU servers are shared between the demo's four GPU racks (Dakhla, Benguerir, Nouaceur, Rabat) in the
    /// demo's proportions, 16 : 12 : 4 : 2. `nodes(scaledTo: 79)` is exactly ``nodes``. Rack numbers get as many
    /// digits as the largest rack needs (`dkh-gpu-0001` past 999 nodes).
    ///
    /// - Parameter count: nodes wanted, at least ``nodes``' count (79).
    public static func nodes(scaledTo count: Int) -> [DemoNode] {
        let racks = rackGroups()
        let gpuRacks = racks.filter { $0.first?.kind == .gpu }
        let fixed = racks.filter { $0.first?.kind != .gpu }.reduce(0) { $0 + $1.count }
        let sizes = shares(of: max(gpuRacks.count, count - fixed), weights: gpuRacks.map(\.count))
        var result: [DemoNode] = []
        result.reserveCapacity(fixed + sizes.reduce(0, +))
        var gpuRack = 0
        for rack in racks {
            guard let template = rack.first, template.kind == .gpu else {
                result += rack
                continue
            }
            let size = sizes[gpuRack]
            gpuRack += 1
            let prefix = String(template.name[..<(template.name.lastIndex(of: "-") ?? template.name.endIndex)])
            let digits = max(3, String(size).count)
            for index in 1...max(1, size) {
                let number = String(index)
                let name = "\(prefix)-\(String(repeating: "0", count: max(0, digits - number.count)))\(number)"
                var node = template
                node.id = name
                node.name = name
                result.append(node)
            }
        }
        return result
    }

    /// The demo's pools with the capacity of `nodes` (the sum of their members' GPUs and cores).
    public static func pools(of nodes: [DemoNode]) -> [Pool] {
        var gpus: [String: Int] = [:]
        var cores: [String: Int] = [:]
        for node in nodes {
            gpus[node.pool, default: 0] += node.gpuCount
            cores[node.pool, default: 0] += node.cores
        }
        return poolSpecs.map { spec in
            Pool(id: spec.id, siteID: spec.site, kind: spec.kind, gpuCapacity: gpus[spec.id] ?? 0,
                 cpuCapacity: cores[spec.id] ?? 0)
        }
    }

    /// The demo's nodes cut into racks: runs of nodes of the same pool and kind, in catalogue order.
    private static func rackGroups() -> [[DemoNode]] {
        var groups: [[DemoNode]] = []
        for node in nodes {
            if let last = groups.last?.last, last.pool == node.pool, last.kind == node.kind, last.kind == .gpu {
                groups[groups.count - 1].append(node)
            } else if let last = groups.last?.last, last.kind != .gpu, node.kind != .gpu {
                groups[groups.count - 1].append(node)
            } else {
                groups.append([node])
            }
        }
        return groups
    }

    /// `total` shared in proportion to `weights` (largest remainders; every share at least 1).
    static func shares(of total: Int, weights: [Int]) -> [Int] {
        let sum = max(1, weights.reduce(0, +))
        var result = weights.map { max(1, total * $0 / sum) }
        var remainders = weights.indices.sorted { (total * weights[$0]) % sum > (total * weights[$1]) % sum }
        var left = total - result.reduce(0, +)
        while left > 0, !remainders.isEmpty {
            result[remainders.removeFirst()] += 1
            left -= 1
        }
        return result
    }
}
