import Foundation
import Testing
import FactoryModel
import FactoryStore
import NodeRegistry
import Synchronization
@testable import FactorySimulator

/// The simulator as `simulate` and `demo` run it: its own thread, wall-clock time, a real registry, the lock.
@Suite("Live simulation")
struct LiveSimulationTests {
    @Test("runs on its thread, serves the registry, holds the store's lock until stopped")
    func live() throws {
        let temporary = try TemporaryStore()
        try StoreBootstrap.claimAdmin(for: demoCreator, in: temporary.store, at: Date())
        _ = try DemoFactory.populate(temporary.store, seed: 4, now: Date(), creator: demoCreator)
        let path = temporary.store.location
        let options = LiveSimulation.Options(
            seed: 4, speed: 20, listen: ListenAddress(host: "127.0.0.1", port: 0, isIPv6: false), stepInterval: 0.1
        )
        let seen = EventLog()
        let live = try LiveSimulation.start(store: temporary.store, storePath: path, options: options) { report in
            if case .events(let events) = report { seen.add(events) }
        }
        defer { live.stop() }
        #expect(RuntimeLock.holder(storePath: path)?.registryURL == live.registry.url)
        #expect(throws: SimulatorError.self) {
            _ = try LiveSimulation.start(store: temporary.store, storePath: path, options: options, observer: nil)
        }

        let client = try RegistryConfiguration(endpoint: try RegistryEndpoint.parse(url: live.registry.url)).makeClient()
        let first = try client.fetchNodes()
        #expect(first.nodes.count == DemoCatalogue.nodes.count)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && !seen.kinds.isSuperset(of: [.submitted, .started]) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(seen.kinds.isSuperset(of: [.submitted, .started]))
        let second = try client.fetchNodes()
        #expect(second.generatedAt! > first.generatedAt!)

        live.stop()
        #expect(RuntimeLock.holder(storePath: path) == nil)
        #expect(live.status().trouble == nil)
    }

    @Test("refuses a store that is not a demo factory")
    func notADemo() throws {
        let temporary = try TemporaryStore()
        try StoreBootstrap.claimAdmin(for: demoCreator, in: temporary.store, at: Date())
        do {
            _ = try LiveSimulation.start(
                store: temporary.store, storePath: temporary.store.location,
                options: .init(seed: 1, listen: ListenAddress(host: "127.0.0.1", port: 0, isIPv6: false)), observer: nil
            )
            Issue.record("an empty store was accepted")
        } catch {
            #expect(error.kind == .notADemoStore)
        }
        #expect(RuntimeLock.holder(storePath: temporary.store.location) == nil)
    }
}

/// Events seen by the observer, on the simulation's thread.
final class EventLog: Sendable {
    private let seen = Mutex<Set<SimulationEvent.Kind>>([])
    func add(_ events: [SimulationEvent]) { seen.withLock { $0.formUnion(events.map(\.kind)) } }
    var kinds: Set<SimulationEvent.Kind> { seen.withLock { $0 } }
}
