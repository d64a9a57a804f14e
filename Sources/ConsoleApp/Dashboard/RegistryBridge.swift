import ConsoleCore
import FactoryModel
import Foundation
import NodeRegistry

/// Turns the registry poller's state into what the console shows.
enum RegistryBridge {
    static func view(of state: RegistryState) -> RegistryView {
        let nodes = state.lastGood?.nodes ?? []
        var history: [String: [Double]] = [:]
        for node in nodes {
            guard let record = state.history.nodes[node.id] else { continue }
            history[node.id] = node.gpus.isEmpty ? record.cpu.elements : record.gpu.elements
        }
        var kinds: [ResourceKind: [Double]] = [:]
        for (kind, buffer) in state.history.kinds { kinds[kind] = buffer.elements }
        return RegistryView(
            nodes: nodes, nodeHistory: history, kindHistory: kinds,
            status: SourceStatus(configured: true, lastSuccess: state.lastSuccessAt, error: state.lastError?.description),
            sourceName: state.source.hasPrefix("prometheus") ? "prometheus" : "registry"
        )
    }
}
