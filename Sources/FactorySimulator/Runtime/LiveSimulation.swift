import Foundation
import FactoryModel
import FactoryStore
import Synchronization

/// The simulator running live: a ``FactorySimulation`` stepped on its own thread in (scaled) wall-clock time, and
/// a ``RegistryServer`` serving its nodes. Used by `fusion-console simulate` and, in the same process as the
/// dashboard, by `fusion-console demo`.
///
/// ```swift
/// let live = try LiveSimulation.start(store: store, storePath: path, options: .init(seed: 7), observer: nil)
/// print(live.registry.url)   // http://127.0.0.1:8787
/// live.stop()
/// ```
public final class LiveSimulation: Sendable {
    /// How the live simulation runs.
    public struct Options: Sendable {
        /// The seed of every random draw.
        public var seed: UInt64
        /// Simulated seconds per wall second (0.1…1000).
        public var speed: Double
        /// Where the registry listens.
        public var listen: ListenAddress
        /// Rates and delays.
        public var settings: SimulationSettings
        /// Wall seconds between steps.
        public var stepInterval: Double
        /// The factory's nodes: the demo's, or more (``DemoCatalogue/nodes(scaledTo:)``), which the runtime of a
        /// ``ScaledSimulation`` then plays.
        public var nodes: [DemoNode]
        /// Wall seconds between two samples of the nodes served by the registry (a new document, a new entity tag);
        /// 0: at every step.
        public var registryInterval: Double

        /// Creates options; by default speed 1 on 127.0.0.1:8787, a step every half second, the demo's nodes sampled
        /// at every step.
        public init(
            seed: UInt64, speed: Double = 1, listen: ListenAddress = .standard,
            settings: SimulationSettings = SimulationSettings(), stepInterval: Double = 0.5,
            nodes: [DemoNode] = DemoCatalogue.nodes, registryInterval: Double = 0
        ) {
            self.seed = seed
            self.speed = speed
            self.listen = listen
            self.settings = settings
            self.stepInterval = stepInterval
            self.nodes = nodes
            self.registryInterval = registryInterval
        }

        /// Whether the factory is larger than the demo's (its runtime is then a ``ScaledSimulation``).
        var isScaled: Bool { nodes.count > DemoCatalogue.nodes.count }
    }

    /// What the live simulation tells its observer.
    public enum Report: Sendable {
        /// What one step did (never empty).
        case events([SimulationEvent])
        /// A step failed (the store could not be read); the next step tries again.
        case trouble(String)
    }

    /// Where it stands.
    public struct Status: Sendable {
        /// The simulated present.
        public var now: Date
        /// Events of each kind so far.
        public var totals: [SimulationEvent.Kind: Int]
        /// The last failure, if the last step failed.
        public var trouble: String?
    }

    /// The registry the simulation serves.
    public let registry: RegistryServer
    private let control: LoopControl
    private let lock: RuntimeLock?

    private init(registry: RegistryServer, control: LoopControl, lock: RuntimeLock?) {
        self.registry = registry
        self.control = control
        self.lock = lock
    }

    /// Checks that `store` is a demo factory, takes its runtime lock (when `storePath` is given), starts the
    /// registry, takes the first step (so the registry has nodes before anyone asks), then keeps stepping on a
    /// thread of its own until ``stop()``.
    ///
    /// - Parameter observer: told what each step did, on the simulation's thread. Nil in the dashboard, which owns
    ///   the terminal.
    public static func start(
        store: any JobStore, storePath: String?, options: Options, observer: (@Sendable (Report) -> Void)?
    ) throws(SimulatorError) -> LiveSimulation {
        try FactorySimulation.checkDemoStore(store)
        let lock = try storePath.map { path throws(SimulatorError) in try RuntimeLock.acquire(storePath: path) }
        let documents = NodeDocumentBox()
        let registry: RegistryServer
        do {
            registry = try blocking { () async throws(SimulatorError) in
                try await RegistryServer.start(on: options.listen, documents: documents)
            }
        } catch {
            lock?.release()
            throw error
        }
        lock?.record(registryURL: registry.url)
        let control = LoopControl()
        let clock = ScaledWallClock(speed: options.speed)
        var tuned = options.settings
        tuned.maxStep = max(tuned.maxStep, options.speed * options.stepInterval / 10)
        let settings = tuned
        let interval = options.stepInterval
        let thread = Thread {
            if options.isScaled {
                runScaled(store: store, options: options, clock: clock, documents: documents, control: control,
                          observer: observer)
                return
            }
            let simulation = FactorySimulation(store: store, seed: options.seed, start: clock.simulatedStart, settings: settings)
            var lastSample: Date?
            repeat {
                do throws(SimulatorError) {
                    let events = try simulation.step(to: clock.now())
                    let now = Date()
                    if lastSample.map({ now.timeIntervalSince($0) >= options.registryInterval }) ?? true {
                        documents.publish(simulation.registryDocument)
                        lastSample = now
                    }
                    control.update(Status(now: simulation.now, totals: simulation.totals, trouble: nil))
                    if !events.isEmpty { observer?(.events(events)) }
                } catch {
                    control.update(Status(now: simulation.now, totals: simulation.totals, trouble: error.message))
                    observer?(.trouble(error.message))
                }
                control.firstStepDone()
            } while control.wait(seconds: interval)
            control.finished()
        }
        thread.name = "fusion-simulator"
        thread.start()
        control.waitForFirstStep()
        let live = LiveSimulation(registry: registry, control: control, lock: lock)
        if let trouble = control.status().trouble {
            live.stop()
            throw SimulatorError(.store, trouble)
        }
        return live
    }

    /// Where the simulation stands.
    public func status() -> Status { control.status() }

    /// The loop of a factory larger than the demo's: runtime changes at a steady pace, the nodes sampled every
    /// registry interval (at most every step).
    private static func runScaled(
        store: any JobStore, options: Options, clock: ScaledWallClock, documents: NodeDocumentBox, control: LoopControl,
        observer: (@Sendable (Report) -> Void)?
    ) {
        let simulation = ScaledSimulation(store: store, nodes: options.nodes, seed: options.seed, start: clock.simulatedStart)
        var lastSample: Date?
        repeat {
            let now = clock.now()
            let made = simulation.churn(to: now)
            var trouble: String?
            if lastSample.map({ Date().timeIntervalSince($0) >= options.registryInterval }) ?? true {
                do throws(SimulatorError) {
                    try simulation.sample(at: now)
                    documents.publish(simulation.registryDocument)
                    lastSample = Date()
                } catch {
                    trouble = error.message
                    observer?(.trouble(error.message))
                }
            }
            control.update(Status(now: now, totals: [.submitted: simulation.changes], trouble: trouble))
            if made > 0 {
                observer?(.events([SimulationEvent(at: now, kind: .submitted, subject: "runtime",
                                                   detail: "\(made) runtime changes on the store")]))
            }
            control.firstStepDone()
        } while control.wait(seconds: options.stepInterval)
        control.finished()
    }

    /// Stops stepping (after the step under way), stops the registry and lets the store's lock go. Idempotent.
    public func stop() {
        control.requestStop()
        control.waitUntilFinished()
        let registry = self.registry
        blocking { () async in await registry.stop() }
        lock?.release()
    }
}
