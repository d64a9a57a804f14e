import Foundation

/// A node of the factory as the registry last reported it.
public struct NodeSample: Codable, Sendable, Hashable, Identifiable {
    /// Stable identifier, unique in the registry. Untrusted text.
    public var id: String
    /// Host name shown to operators. Untrusted text.
    public var name: String
    /// The site id (e.g. `dakhla`). Untrusted text.
    public var site: String
    /// The pool id (e.g. `dakhla-gpu`). Untrusted text.
    public var pool: String
    /// GPU, CPU or Edge.
    public var kind: ResourceKind
    /// The reported health.
    public var status: NodeStatus
    /// When the node's agent last reported.
    public var heartbeatAt: Date
    /// CPU utilisation in percent, 0–100.
    public var cpuUtil: Double
    /// Memory utilisation in percent, 0–100.
    public var memUtil: Double
    /// The node's GPUs (empty for CPU and most edge nodes).
    public var gpus: [GPUSample]

    /// Creates a node sample.
    public init(
        id: String, name: String, site: String, pool: String, kind: ResourceKind, status: NodeStatus,
        heartbeatAt: Date, cpuUtil: Double, memUtil: Double, gpus: [GPUSample] = []
    ) {
        self.id = id
        self.name = name
        self.site = site
        self.pool = pool
        self.kind = kind
        self.status = status
        self.heartbeatAt = heartbeatAt
        self.cpuUtil = cpuUtil
        self.memUtil = memUtil
        self.gpus = gpus
    }

    /// Mean utilisation of the node's GPUs, or `nil` when it has none.
    public var meanGPUUtil: Double? {
        gpus.isEmpty ? nil : gpus.map(\.util).reduce(0, +) / Double(gpus.count)
    }
}
