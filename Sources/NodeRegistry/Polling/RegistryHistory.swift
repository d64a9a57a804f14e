import FactoryModel

/// One node's recent utilisation, for its sparklines.
///
/// Kept compact (a byte per value, half a percent apart): a registry of ten thousand nodes keeps three series of
/// sixty values for each, which as `Double`s would take 15 MB. The series read back as percentages.
public struct NodeHistory: Sendable, Equatable {
    private var cpuValues: PercentRing
    private var memValues: PercentRing
    private var gpuValues: PercentRing

    /// CPU utilisation, percent, one value per successful poll.
    public var cpu: RingBuffer<Double> { cpuValues.buffer }
    /// Memory utilisation, percent.
    public var mem: RingBuffer<Double> { memValues.buffer }
    /// Mean GPU utilisation, percent (only for polls where the node had GPUs).
    public var gpu: RingBuffer<Double> { gpuValues.buffer }

    /// Creates an empty history keeping `capacity` values per series.
    public init(capacity: Int) {
        cpuValues = PercentRing(capacity: capacity)
        memValues = PercentRing(capacity: capacity)
        gpuValues = PercentRing(capacity: capacity)
    }

    /// Appends one poll's values (`gpu` nil when the node has no GPU).
    mutating func append(cpu: Double, mem: Double, gpu: Double?) {
        cpuValues.append(cpu)
        memValues.append(mem)
        if let gpu { gpuValues.append(gpu) }
    }
}

/// The last `capacity` percentages appended, a byte each (0–100 by halves), oldest first.
struct PercentRing: Sendable, Equatable {
    let capacity: Int
    private var storage: [UInt8] = []
    private var start = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    mutating func append(_ percent: Double) {
        let value = UInt8((min(100, max(0, percent.isFinite ? percent : 0)) * 2).rounded())
        if storage.count < capacity {
            if storage.isEmpty { storage.reserveCapacity(capacity) }
            storage.append(value)
        } else {
            storage[start] = value
            start = (start + 1) % capacity
        }
    }

    /// The values as percentages, oldest first.
    var buffer: RingBuffer<Double> {
        var ring = RingBuffer<Double>(capacity: capacity)
        for index in 0..<storage.count { ring.append(Double(storage[(start + index) % storage.count]) / 2) }
        return ring
    }
}

/// Short histories of the last successful polls: per node, per kind and per kind at a site.
///
/// Aggregates are the mean *working* utilisation of the nodes that are not down: a GPU node's mean
/// GPU utilisation (its CPU utilisation if it reports no GPU), any other node's CPU utilisation.
/// Only successful polls are recorded, so a sparkline stops moving while the registry is failing.
/// Nodes, kinds and sites that leave the registry leave the history too.
public struct RegistryHistory: Sendable, Equatable {
    /// Values kept per series.
    public let capacity: Int
    /// Per node id.
    public private(set) var nodes: [String: NodeHistory] = [:]
    /// Per kind.
    public private(set) var kinds: [ResourceKind: RingBuffer<Double>] = [:]
    /// Per kind at each site.
    public private(set) var sites: [KindAtSite: RingBuffer<Double>] = [:]

    /// Creates an empty history keeping `capacity` values per series (60 polls by default).
    public init(capacity: Int = 60) {
        self.capacity = max(1, capacity)
    }

    /// The utilisation that stands for a node in aggregates.
    public static func workingUtil(of node: NodeSample) -> Double {
        node.kind == .gpu ? node.meanGPUUtil ?? node.cpuUtil : node.cpuUtil
    }

    /// Appends one snapshot's values.
    public mutating func record(_ snapshot: RegistrySnapshot) {
        var nextNodes: [String: NodeHistory] = [:]
        nextNodes.reserveCapacity(snapshot.nodes.count)
        var kindSums: [ResourceKind: (sum: Double, count: Int)] = [:]
        var siteSums: [KindAtSite: (sum: Double, count: Int)] = [:]
        for node in snapshot.nodes {
            var history = nodes.removeValue(forKey: node.id) ?? nextNodes[node.id] ?? NodeHistory(capacity: capacity)
            history.append(cpu: node.cpuUtil, mem: node.memUtil, gpu: node.meanGPUUtil)
            nextNodes[node.id] = history
            // A down node keeps its group in the aggregates but adds nothing to the mean.
            let counted = node.status != .down
            let util = counted ? Self.workingUtil(of: node) : 0
            let weight = counted ? 1 : 0
            kindSums[node.kind, default: (0, 0)].sum += util
            kindSums[node.kind, default: (0, 0)].count += weight
            let key = KindAtSite(kind: node.kind, site: node.site)
            siteSums[key, default: (0, 0)].sum += util
            siteSums[key, default: (0, 0)].count += weight
        }
        nodes = nextNodes
        kinds = Self.appending(kindSums, to: kinds, capacity: capacity)
        sites = Self.appending(siteSums, to: sites, capacity: capacity)
    }

    /// Appends each mean (0 when every node of the group is down), dropping groups that are gone.
    private static func appending<Key: Hashable>(
        _ sums: [Key: (sum: Double, count: Int)], to series: [Key: RingBuffer<Double>], capacity: Int
    ) -> [Key: RingBuffer<Double>] {
        var result: [Key: RingBuffer<Double>] = [:]
        for (key, total) in sums {
            var buffer = series[key] ?? RingBuffer(capacity: capacity)
            buffer.append(total.count > 0 ? total.sum / Double(total.count) : 0)
            result[key] = buffer
        }
        return result
    }
}
