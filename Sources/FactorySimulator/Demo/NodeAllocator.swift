/// Places the demo's running work on nodes so that no node holds more GPUs or cores than it has.
struct NodeAllocator {
    private struct Free {
        let node: DemoNode
        var gpus: Int
        var cores: Int
    }

    /// Free capacity per node, in catalogue order (so placement is deterministic).
    private var free: [Free]

    /// Starts with every node of `nodes` empty.
    init(nodes: [DemoNode]) {
        free = nodes.map { Free(node: $0, gpus: $0.gpuCount, cores: $0.cores) }
    }

    /// Takes `gpus` GPUs and `cpus` cores on a node of `pool`, scanning from a random node onwards; returns the
    /// node's name, or nil when no node of the pool has room.
    mutating func place(pool: String, gpus: Int, cpus: Int, random: inout SeededRandom) -> String? {
        let candidates = free.indices.filter { free[$0].node.pool == pool }
        guard !candidates.isEmpty else { return nil }
        let start = Int(random.nextBelow(UInt64(candidates.count)))
        for step in 0..<candidates.count {
            let index = candidates[(start + step) % candidates.count]
            if free[index].gpus >= gpus && free[index].cores >= cpus {
                free[index].gpus -= gpus
                free[index].cores -= cpus
                return free[index].node.name
            }
        }
        return nil
    }

    /// GPUs not yet taken in `pool`.
    func freeGPUs(in pool: String) -> Int {
        free.filter { $0.node.pool == pool }.reduce(0) { $0 + $1.gpus }
    }
}
