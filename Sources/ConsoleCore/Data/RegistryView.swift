import Foundation
import FactoryModel

/// What the console knows of node utilisation: the last good sample, its history, and how fresh it is.
public struct RegistryView: Sendable {
    /// The nodes of the last good sample.
    public var nodes: [NodeSample]
    /// Recent utilisation per node id (GPU mean for GPU nodes, CPU otherwise), oldest first, 0–100.
    public var nodeHistory: [String: [Double]]
    /// Recent mean utilisation per kind, oldest first, 0–100.
    public var kindHistory: [ResourceKind: [Double]]
    /// Freshness; `configured` false when no registry is set up.
    public var status: SourceStatus
    /// Where the data comes from, for the header (`registry`, `prometheus`).
    public var sourceName: String

    /// Creates a registry view.
    public init(
        nodes: [NodeSample] = [], nodeHistory: [String: [Double]] = [:], kindHistory: [ResourceKind: [Double]] = [:],
        status: SourceStatus = SourceStatus(configured: false), sourceName: String = "registry"
    ) {
        self.nodes = nodes
        self.nodeHistory = nodeHistory
        self.kindHistory = kindHistory
        self.status = status
        self.sourceName = sourceName
    }

    /// No registry configured.
    public static let unconfigured = RegistryView()
}
