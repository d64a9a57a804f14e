import ConsoleCore
import FactoryModel
import Foundation
import NodeRegistry
import Synchronization

/// Turns the registry poller's state into what the console shows: the sample, its totals (summed here, on the
/// poller's thread), and the histories, looked up only for the nodes drawn.
enum RegistryBridge {
    static func view(of state: RegistryState) -> RegistryView {
        let history = state.history
        var kinds: [ResourceKind: [Double]] = [:]
        for (kind, buffer) in history.kinds { kinds[kind] = buffer.elements }
        var sites: [KindAtSite: [Double]] = [:]
        for (key, buffer) in history.sites { sites[key] = buffer.elements }
        return RegistryView(
            nodes: state.lastGood?.nodes ?? [],
            history: { id in
                guard let record = history.nodes[id] else { return [] }
                return record.gpu.isEmpty ? record.cpu.elements : record.gpu.elements
            },
            kindHistory: kinds,
            siteHistory: sites,
            status: status(of: state),
            sourceName: state.source.hasPrefix("prometheus") ? "prometheus" : "registry",
            sample: state.sampleNumber
        )
    }

    static func status(of state: RegistryState) -> SourceStatus {
        SourceStatus(configured: true, lastSuccess: state.lastSuccessAt, error: state.lastError?.description)
    }
}

/// The views made from one poller, the last one kept: a poll that brought no new sample (the registry answered
/// "not modified", or failed) only updates how fresh the last view is, without summing ten thousand nodes again.
final class RegistryViews: Sendable {
    private let last = Mutex<RegistryView?>(nil)

    /// The view of `state`.
    func view(of state: RegistryState) -> RegistryView {
        last.withLock { last in
            if var view = last, view.sample == state.sampleNumber {
                view.status = RegistryBridge.status(of: state)
                last = view
                return view
            }
            let view = RegistryBridge.view(of: state)
            last = view
            return view
        }
    }
}
