import Foundation
import ConsoleApp
import ConsoleCore
import FactoryModel
import FactorySimulator
import FactoryStore

/// The fixed demo factory of the golden screens: seed 1 at 2026-11-23T03:12:45Z, seen by a supervisor, with a
/// registry view made from the demo's nodes with fixed utilisation.
final class ConsoleFixture: @unchecked Sendable {
    static let now = Date(timeIntervalSince1970: 1_795_403_565) // 2026-11-23T03:12:45Z
    let folder: URL
    let store: SQLiteJobStore
    let loader: StoreLoader

    init(seed: UInt64 = 1) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-console-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("demo.sqlite").path
        store = try SQLiteJobStore(path: path, mode: .createIfMissing)
        _ = try DemoFactory.populate(store, seed: seed, now: Self.now, creator: Actor(account: "root"))
        loader = StoreLoader(store: store, account: "sup-national")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A console on `screen` at `size`, with its data loaded as the live loop would load it.
    func state(
        screen: Screen = .overview, width: Int = 80, height: Int = 24, account: String = "sup-national",
        role: Role = .supervisor, readOnly: Bool = false, registry: Bool = true, localizer: Localizer = .english,
        options given: ConsoleOptions? = nil
    ) throws -> ConsoleState {
        var options = given ?? ConsoleOptions(factoryName: "FUSION AI FACTORY · national")
        if given == nil { options.localizer = localizer }
        var state = ConsoleState(
            size: TerminalSize(width: width, height: height), now: Self.now,
            identity: ConsoleIdentity(actor: Actor(account: account), role: role, readOnly: readOnly),
            options: options, registryConfigured: registry
        )
        if registry { _ = state.update(.registryUpdated(Self.registryView())) }
        _ = state.update(.key(.character(Character(String(screen.rawValue)))))
        try settle(&state)
        return state
    }

    /// Feeds store loads until the console asks for nothing more.
    func settle(_ state: inout ConsoleState, effects initial: [ConsoleEffect] = []) throws {
        var pending = initial.isEmpty ? [ConsoleEffect.reload(state.needs)] : initial
        var rounds = 0
        while let effect = pending.first, rounds < 10 {
            pending.removeFirst()
            rounds += 1
            if case .reload(let needs) = effect {
                let snapshot = try loader.read(needs, now: Self.now)
                pending += state.update(.storeLoaded(snapshot, at: Self.now))
            }
        }
    }

    /// Applies keys, loading data whenever the console asks.
    func press(_ keys: [Key], on state: inout ConsoleState) throws -> [ConsoleEffect] {
        var others: [ConsoleEffect] = []
        for key in keys {
            let effects = state.update(.key(key))
            try settle(&state, effects: effects.filter { if case .reload = $0 { true } else { false } })
            others += effects.filter { if case .reload = $0 { false } else { true } }
        }
        return others
    }

    /// The demo's nodes with fixed, varied utilisation and a history, as if the registry had answered 1 s ago.
    static func registryView() -> RegistryView {
        var random = SeededRandom(seed: 7)
        var nodes: [NodeSample] = []
        var history: [String: [Double]] = [:]
        for demo in DemoCatalogue.nodes {
            let base = demo.kind == .gpu ? random.nextDouble(in: 55...97) : random.nextDouble(in: 15...60)
            let down = demo.name.hasPrefix("zagora") || demo.name.hasPrefix("tata")
            let gpus = (0..<demo.gpuCount).map { index in
                GPUSample(
                    index: index, model: demo.gpuModel, util: min(100, base + random.nextDouble(in: -10...5)),
                    memUsedMiB: Double(demo.gpuMemMiB) * random.nextDouble(in: 0.4...0.9), memTotalMiB: Double(demo.gpuMemMiB),
                    tempC: random.nextDouble(in: 45...82), powerW: random.nextDouble(in: 150...650)
                )
            }
            nodes.append(NodeSample(
                id: demo.id, name: demo.name, site: demo.site, pool: demo.pool, kind: demo.kind, status: down ? .down : .up,
                heartbeatAt: now.addingTimeInterval(down ? -300 : -1), cpuUtil: random.nextDouble(in: 10...90),
                memUtil: random.nextDouble(in: 30...85), gpus: gpus
            ))
            history[demo.id] = (0..<30).map { _ in min(100, max(0, base + random.nextDouble(in: -20...20))) }
        }
        var kinds: [ResourceKind: [Double]] = [:]
        for kind in ResourceKind.allCases {
            kinds[kind] = (0..<30).map { step in 40 + 30 * sin(Double(step) / 4 + Double(ResourceKind.allCases.firstIndex(of: kind) ?? 0)) }
        }
        var sites: [KindAtSite: [Double]] = [:]
        for (offset, node) in DemoCatalogue.nodes.enumerated() where sites[KindAtSite(kind: node.kind, site: node.site)] == nil {
            sites[KindAtSite(kind: node.kind, site: node.site)] = (0..<30).map { step in 45 + 25 * sin(Double(step + offset) / 3) }
        }
        return RegistryView(
            nodes: nodes, nodeHistory: history, kindHistory: kinds, siteHistory: sites,
            status: SourceStatus(configured: true, lastSuccess: now.addingTimeInterval(-1)), sourceName: "registry"
        )
    }
}
