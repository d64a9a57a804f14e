import Foundation
import FactoryModel

/// The utilisation the registry reports for each node of the demo factory, following the work the simulation
/// places on it.
///
/// A GPU that runs work is hot (85–99 %, most of its memory in use, warm, drawing near its maximum power); a GPU
/// whose run is paused for approval keeps its memory but idles; a free GPU idles. CPU and memory follow the cores
/// held. Every value wanders a little between samples (a bounded random walk per value, drawn from the seed), so
/// two refreshes never show quite the same numbers. A node of a dropped edge site reports `down`, its heartbeat
/// stuck at the moment it dropped and its last values frozen, until the site comes back.
public struct SimulatedNodes: Sendable {
    /// One node's moving values; each walk stays in 0…1 and scales a value within its band.
    private struct NodeState: Sendable {
        let node: DemoNode
        var gpuWalk: [Double]
        var memWalk: [Double]
        var cpuWalk = 0.5
        var hostMemWalk = 0.5
        var sample: NodeSample
    }

    private var states: [NodeState]
    private var random: SeededRandom

    /// Creates the model of `nodes`, all idle and up at `start`.
    public init(nodes: [DemoNode] = DemoCatalogue.nodes, seed: UInt64, start: Date) {
        random = SeededRandom(seed: seed ^ 0x5EED_0F_0DE5)
        states = nodes.map { node in
            let gpus = (0..<node.gpuCount).map { index in
                GPUSample(
                    index: index, model: node.gpuModel, util: 0, memUsedMiB: 0, memTotalMiB: Double(node.gpuMemMiB),
                    tempC: 30, powerW: GPUPowerProfile.of(node.gpuModel).idleW
                )
            }
            return NodeState(
                node: node, gpuWalk: Array(repeating: 0.5, count: node.gpuCount),
                memWalk: Array(repeating: 0.5, count: node.gpuCount),
                sample: NodeSample(
                    id: node.id, name: node.name, site: node.site, pool: node.pool, kind: node.kind, status: .up,
                    heartbeatAt: start, cpuUtil: 0, memUtil: 0, gpus: gpus
                )
            )
        }
    }

    /// The nodes as last sampled, in catalogue order.
    public var samples: [NodeSample] { states.map(\.sample) }

    /// Samples every node at `time`: nodes of `downSites` are down (frozen since `downSince`), the others up and
    /// loaded as `ledger` says.
    mutating func sample(at time: Date, ledger: NodeLedger, downSites: Set<String>, downSince: Date?) {
        for index in states.indices {
            let site = states[index].node.site
            if downSites.contains(site) {
                states[index].sample.status = .down
                if let downSince, states[index].sample.heartbeatAt > downSince {
                    states[index].sample.heartbeatAt = downSince
                }
                continue
            }
            states[index].sample.status = .up
            states[index].sample.heartbeatAt = time
            var state = states[index]
            update(&state, holding: ledger.holding(state.node.name))
            states[index] = state
        }
    }

    private mutating func update(_ state: inout NodeState, holding: NodeLedger.Holding) {
        let node = state.node
        let busy = min(node.gpuCount, max(0, holding.busyGPUs))
        let paused = min(node.gpuCount - busy, max(0, holding.pausedGPUs))
        let power = GPUPowerProfile.of(node.gpuModel)
        for index in 0..<node.gpuCount {
            state.gpuWalk[index] = walk(state.gpuWalk[index])
            state.memWalk[index] = walk(state.memWalk[index])
            let g = state.gpuWalk[index]
            let m = state.memWalk[index]
            let total = Double(node.gpuMemMiB)
            let util: Double
            let memory: Double
            if index < busy {
                util = 85 + 14 * g
                memory = total * (0.62 + 0.31 * m)
            } else if index < busy + paused {
                util = 2 * g
                memory = total * (0.55 + 0.3 * m)
            } else {
                util = 3 * g
                memory = 300 + 300 * m
            }
            var gpu = state.sample.gpus[index]
            gpu.util = round1(util)
            gpu.memUsedMiB = memory.rounded()
            gpu.tempC = round1(29 + 0.45 * util + 4 * m)
            gpu.powerW = round1(power.idleW + (power.maxW - power.idleW) * util / 100 * (0.88 + 0.1 * m))
            state.sample.gpus[index] = gpu
        }
        state.cpuWalk = walk(state.cpuWalk)
        state.hostMemWalk = walk(state.hostMemWalk)
        let cores = Double(max(1, node.cores))
        let busyShare = min(1, Double(max(0, holding.busyCores)) / cores)
        let heldShare = min(1, Double(max(0, holding.cores)) / cores)
        state.sample.cpuUtil = round1(min(100, 2 + 3 * state.cpuWalk + busyShare * (80 + 15 * state.cpuWalk)))
        state.sample.memUtil = round1(min(100, 7 + 5 * state.hostMemWalk + heldShare * (55 + 20 * state.hostMemWalk)))
    }

    /// One step of a random walk bounded to 0…1.
    private mutating func walk(_ value: Double) -> Double {
        min(1, max(0, value + random.nextDouble(in: -0.18...0.18)))
    }

    private func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
