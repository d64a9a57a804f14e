import Foundation
import FactoryModel
import FactoryStore
import NodeRegistry

/// A factory larger than the demo's (`simulate --nodes`), typically one made by `seed`: its registry of thousands of
/// nodes, and a steady trickle of runtime changes on its store.
///
/// The demo's runtime (``FactorySimulation``) looks at every active run and every node at each step, which suits 79
/// nodes, not 10,000. Here the runtime moves at a fixed pace instead: each ``churnInterval`` one new run is
/// submitted, the oldest running run finishes, and the oldest queued run of its pool starts on the node it freed,
/// all through ``FactoryStore/RuntimeService`` like the real runtime. The nodes' utilisation follows the running
/// and paused work the store records (read again at each registry sample), with the demo's random walks.
///
/// Not thread-safe: one thread (the live loop) owns it.
public final class ScaledSimulation {
    /// The store it plays on.
    public let store: any JobStore
    /// Seconds between two runtime changes.
    public let churnInterval: Double
    let runtime: RuntimeService
    let clock: VirtualClock
    var random: SeededRandom
    var nodes: SimulatedNodes
    var lastChurn: Date
    /// How many runtime changes were made.
    public private(set) var changes = 0

    /// Creates the simulation of `nodes` on `store`, starting at `start`.
    public init(store: any JobStore, nodes: [DemoNode], seed: UInt64, start: Date, churnInterval: Double = 1) {
        self.store = store
        self.churnInterval = max(0.05, churnInterval)
        clock = VirtualClock(start)
        runtime = RuntimeService(store: store, clock: clock, actor: .runtime)
        random = SeededRandom(seed: seed ^ 0x5CA1_ED)
        self.nodes = SimulatedNodes(nodes: nodes, seed: seed, start: start)
        lastChurn = start
    }

    /// The registry's answer now.
    public var registryDocument: FusionRegistryJSON.Document {
        FusionRegistryJSON.Document(generatedAt: clock.now(), nodes: nodes.samples)
    }

    /// Samples every node at `time` from the work the store holds now.
    public func sample(at time: Date) throws(SimulatorError) {
        clock.set(time)
        let holding: Set<RunState> = [.running, .cancelRequested, .rerouteRequested, .awaitingApproval]
        let runs: [Run]
        do {
            runs = try store.runs(RunQuery(states: holding, sort: .id, descending: false, limit: 10_000_000))
        } catch {
            throw SimulatorError(.store, "The simulator cannot read \(store.location): \(error.message)")
        }
        nodes.sample(at: time, ledger: NodeLedger(runs: runs), downSites: [], downSince: nil)
    }

    /// Makes the runtime changes due by `time`; returns how many were made.
    @discardableResult
    public func churn(to time: Date) -> Int {
        clock.set(time)
        var made = 0
        while lastChurn.addingTimeInterval(churnInterval) <= time {
            lastChurn = lastChurn.addingTimeInterval(churnInterval)
            made += step(at: lastChurn)
        }
        changes += made
        return made
    }

    /// One submission, one finish, one start; each skipped when it loses a race.
    private func step(at time: Date) -> Int {
        var made = 0
        let draft = WorkloadDraft.newRun(at: time, queued: [:], random: &random)
        if (try? runtime.submit(draft)) != nil { made += 1 }
        guard let oldest = try? store.runs(RunQuery(states: [.running], sort: .id, descending: false, limit: 1)).first else {
            return made
        }
        let succeeds = !random.chance(0.1)
        if (try? runtime.finish(oldest.id, succeeded: succeeds, reason: succeeds ? nil : "exit code 1")) != nil { made += 1 }
        guard let node = oldest.node,
              let next = try? store.runs(
                  RunQuery(states: [.queued], poolID: oldest.poolID, sort: .id, descending: false, limit: 1)
              ).first,
              next.gpus <= oldest.gpus, next.cpus <= oldest.cpus
        else { return made }
        if (try? runtime.start(next.id, node: node)) != nil { made += 1 }
        return made
    }
}
