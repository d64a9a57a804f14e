/// A scheduling target: the nodes of one kind at one site, e.g. `dakhla-gpu`.
public struct Pool: Codable, Sendable, Hashable, Identifiable {
    /// Short identifier, e.g. `dakhla-gpu`.
    public var id: String
    /// The site the pool belongs to.
    public var siteID: String
    /// GPU, CPU or Edge.
    public var kind: ResourceKind
    /// GPUs the pool can allocate in all (0 for CPU pools).
    public var gpuCapacity: Int
    /// CPU cores the pool can allocate in all.
    public var cpuCapacity: Int

    /// Creates a pool.
    public init(id: String, siteID: String, kind: ResourceKind, gpuCapacity: Int, cpuCapacity: Int) {
        self.id = id
        self.siteID = siteID
        self.kind = kind
        self.gpuCapacity = gpuCapacity
        self.cpuCapacity = cpuCapacity
    }

    /// Whether a run asking for `gpus` GPUs and `cpus` cores can ever be placed here: a GPU run needs a pool with
    /// GPUs, and no run may ask for more than the pool has in all.
    public func fits(gpus: Int, cpus: Int) -> Bool {
        if gpus > 0 && (kind == .cpu || gpuCapacity < gpus) { return false }
        return cpus <= cpuCapacity
    }
}

/// A pool with what its running work currently holds, as offered when rerouting.
public struct PoolLoad: Codable, Sendable, Hashable {
    /// The pool.
    public var pool: Pool
    /// GPUs held by running work.
    public var gpusInUse: Int
    /// Cores held by running work.
    public var cpusInUse: Int
    /// Runs waiting in the pool's queue.
    public var queued: Int

    /// Creates a pool load.
    public init(pool: Pool, gpusInUse: Int, cpusInUse: Int, queued: Int) {
        self.pool = pool
        self.gpusInUse = gpusInUse
        self.cpusInUse = cpusInUse
        self.queued = queued
    }

    /// GPUs not held by running work.
    public var freeGPUs: Int { max(0, pool.gpuCapacity - gpusInUse) }
    /// Cores not held by running work.
    public var freeCPUs: Int { max(0, pool.cpuCapacity - cpusInUse) }
}
