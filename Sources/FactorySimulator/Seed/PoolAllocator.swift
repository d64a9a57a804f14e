/// Places running work on the nodes of a factory of any size: first fit from a moving cursor in each pool, so that
/// placing tens of thousands of runs on tens of thousands of nodes stays linear. No node is given more GPUs or cores
/// than it has; ``overcommit(pool:random:)`` is the explicit exception.
struct PoolAllocator {
    private struct Free {
        let name: String
        var gpus: Int
        var cores: Int
    }

    private var free: [String: [Free]] = [:]
    private var cursor: [String: Int] = [:]
    /// Nodes looked at before a placement gives up (the pool is taken as full).
    private let patience = 64

    init(nodes: [DemoNode]) {
        for node in nodes {
            free[node.pool, default: []].append(Free(name: node.name, gpus: node.gpuCount, cores: node.cores))
        }
    }

    /// Takes `gpus` GPUs and `cpus` cores on a node of `pool`; returns its name, or nil when the nodes looked at
    /// are full.
    mutating func place(pool: String, gpus: Int, cpus: Int) -> String? {
        guard var nodes = free[pool], !nodes.isEmpty else { return nil }
        defer { free[pool] = nodes }
        var index = cursor[pool] ?? 0
        for _ in 0..<min(patience, nodes.count) {
            if nodes[index].gpus >= gpus && nodes[index].cores >= cpus {
                nodes[index].gpus -= gpus
                nodes[index].cores -= cpus
                cursor[pool] = index
                return nodes[index].name
            }
            index = (index + 1) % nodes.count
        }
        cursor[pool] = index
        return nil
    }

    /// A node of `pool` whatever it holds (work paused for a human keeps a node even when the pool is full).
    mutating func overcommit(pool: String, random: inout SeededRandom) -> String? {
        guard let nodes = free[pool], !nodes.isEmpty else { return nil }
        return nodes[Int(random.nextBelow(UInt64(nodes.count)))].name
    }

    /// Any node of `pool`, for messages.
    func someNode(of pool: String, random: inout SeededRandom) -> String {
        guard let nodes = free[pool], !nodes.isEmpty else { return pool }
        return nodes[Int(random.nextBelow(UInt64(nodes.count)))].name
    }
}
