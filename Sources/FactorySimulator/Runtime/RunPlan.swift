import Foundation
import FactoryModel

/// What the simulated runtime means to do with one active run, kept in memory between steps.
///
/// A plan belongs to the state the run was in when it was made. When the store shows the run in another state
/// (the runtime moved it, or an operator did), the simulation makes a new plan for that state, carrying over
/// what must survive (whether the run already asked a human, how much work it had left).
struct RunPlan {
    /// The state this plan was made for.
    var state: RunState
    /// When the run was first seen in `state`.
    var since: Date
    /// Queued: when the scheduler may start it.
    var readyAt: Date?
    /// Running: when it ends.
    var endAt: Date?
    /// Running: whether it ends well.
    var succeeds = true
    /// Running: when it asks a human (nil: never).
    var askAt: Date?
    /// Whether the run already asked a human (it asks at most once).
    var asked = false
    /// Work left when it paused to ask, in seconds.
    var remaining: Double?
    /// Awaiting approval, cancel or reroute requested: when the runtime acts (set once there is something to act on).
    var actAt: Date?
    /// Running: the start of the last edge outage that hit its node (each outage is judged once).
    var outageSeen: Date?

    init(state: RunState, since: Date) {
        self.state = state
        self.since = since
    }
}

/// The capacity runs hold on each node, counted afresh at every step from the store.
struct NodeLedger {
    /// GPUs and cores held on one node.
    struct Holding: Hashable {
        /// GPUs of running work (busy).
        var busyGPUs = 0
        /// Cores of running work.
        var busyCores = 0
        /// GPUs of paused work (a run waiting for approval keeps its place).
        var pausedGPUs = 0
        /// Cores of paused work.
        var pausedCores = 0

        var gpus: Int { busyGPUs + pausedGPUs }
        var cores: Int { busyCores + pausedCores }
    }

    private(set) var holdings: [String: Holding] = [:]

    /// Counts every run that holds a node: running, stopping (cancel or reroute requested) and paused.
    init(runs: [Run]) {
        for run in runs {
            guard let node = run.node else { continue }
            switch run.state {
            case .running, .cancelRequested, .rerouteRequested: take(node, gpus: run.gpus, cores: run.cpus)
            case .awaitingApproval: take(node, gpus: run.gpus, cores: run.cpus, paused: true)
            default: continue
            }
        }
    }

    /// What `node` holds.
    func holding(_ node: String) -> Holding { holdings[node] ?? Holding() }

    /// Records `gpus` and `cores` taken on `node`.
    mutating func take(_ node: String, gpus: Int, cores: Int, paused: Bool = false) {
        var holding = holdings[node] ?? Holding()
        if paused {
            holding.pausedGPUs += gpus
            holding.pausedCores += cores
        } else {
            holding.busyGPUs += gpus
            holding.busyCores += cores
        }
        holdings[node] = holding
    }

    /// Records `gpus` and `cores` given back on `node`.
    mutating func release(_ node: String, gpus: Int, cores: Int, paused: Bool = false) {
        take(node, gpus: -gpus, cores: -cores, paused: paused)
    }
}
