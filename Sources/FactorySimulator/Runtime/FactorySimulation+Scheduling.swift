import Foundation
import FactoryModel
import FactoryStore

/// The scheduler: queued runs onto nodes with room.
extension FactorySimulation {
    /// Starts ready queued runs, most urgent and oldest first, each on the node of its pool that fits it most
    /// tightly (so whole nodes stay free for 8-GPU runs). A run that has waited longer than
    /// ``SimulationSettings/headOfLineWait`` without fitting gets a node drained for it (one per pool, for the
    /// first such run): nothing new starts there until it fits. Returns the runs started.
    func schedule(_ ready: [Run], at time: Date, ledger: inout NodeLedger) -> [RunID] {
        let order = ready.sorted {
            ($0.priority.rawValue, -$0.submittedAt.timeIntervalSince1970, -$0.id.rawValue)
                > ($1.priority.rawValue, -$1.submittedAt.timeIntervalSince1970, -$1.id.rawValue)
        }
        var reserved = Set<String>()
        var draining = Set<String>()
        var started: [RunID] = []
        for run in order {
            let members = nodesByPool[run.poolID] ?? []
            guard !members.isEmpty else { continue }
            let largest = members.map(\.gpuCount).max() ?? 0
            if run.gpus > largest {
                let reason = "needs \(run.gpus) GPUs on one node; the largest node of \(run.poolID) has \(largest)"
                if attempt(run.id.description, at: time, { () throws(ActionError) in try runtime.fail(run.id, reason: reason) }) {
                    note(.failed, run.id.description, reason, at: time)
                }
                continue
            }
            guard let node = bestNode(for: run, among: members, ledger: ledger, skipping: reserved) else {
                if !draining.contains(run.poolID), let readyAt = plans[run.id]?.readyAt,
                   time.timeIntervalSince(readyAt) > settings.headOfLineWait,
                   let drained = nodeToDrain(for: run, among: members, ledger: ledger, skipping: reserved) {
                    reserved.insert(drained.name)
                    draining.insert(run.poolID)
                }
                continue
            }
            guard attempt(run.id.description, at: time, { () throws(ActionError) in try runtime.start(run.id, node: node.name) })
            else { continue }
            ledger.take(node.name, gpus: run.gpus, cores: min(run.cpus, node.cores))
            plans[run.id] = runningPlan(for: run, at: time, asked: false, remaining: nil)
            started.append(run.id)
            let gpus = run.gpus > 0 ? "\(run.gpus) GPU\(run.gpus == 1 ? "" : "s"), " : ""
            note(.started, run.id.description, "on \(node.name) (\(run.poolID), \(gpus)\(run.cpus) cores)", at: time)
        }
        return started
    }

    /// The up node of `members` with room for `run` and the least room left after it; nil when none has room.
    /// A run asking more cores than a node has takes the whole node's cores.
    private func bestNode(
        for run: Run, among members: [DemoNode], ledger: NodeLedger, skipping: Set<String>
    ) -> DemoNode? {
        var best: (node: DemoNode, gpus: Int, cores: Int)?
        for node in members where !outages.isDown(node.site) && !skipping.contains(node.name) {
            let holding = ledger.holding(node.name)
            let freeGPUs = node.gpuCount - holding.gpus
            let freeCores = node.cores - holding.cores
            let cores = min(run.cpus, node.cores)
            guard freeGPUs >= run.gpus, freeCores >= cores else { continue }
            let left = (gpus: freeGPUs - run.gpus, cores: freeCores - cores)
            if best.map({ (left.gpus, left.cores) < ($0.gpus, $0.cores) }) ?? true {
                best = (node, left.gpus, left.cores)
            }
        }
        return best?.node
    }

    /// The node to keep free for a run that has waited too long: one that will hold it once its running work ends
    /// (paused work stays), the least busy first; nil when paused work leaves no node that ever could.
    private func nodeToDrain(
        for run: Run, among members: [DemoNode], ledger: NodeLedger, skipping: Set<String>
    ) -> DemoNode? {
        var best: (node: DemoNode, busy: Int, cores: Int)?
        for node in members where !outages.isDown(node.site) && !skipping.contains(node.name) {
            let holding = ledger.holding(node.name)
            guard node.gpuCount - holding.pausedGPUs >= run.gpus,
                  node.cores - holding.pausedCores >= min(run.cpus, node.cores) else { continue }
            if best.map({ (holding.busyGPUs, holding.busyCores) < ($0.busy, $0.cores) }) ?? true {
                best = (node, holding.busyGPUs, holding.busyCores)
            }
        }
        return best?.node
    }
}
