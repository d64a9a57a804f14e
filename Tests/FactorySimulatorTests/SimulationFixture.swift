import Foundation
import FactoryModel
import FactoryStore
@testable import FactorySimulator

/// A demo store with a simulation on it, and an action gate that acts at the simulation's time. Both write
/// through a ``TransitionRecorder``, which notes every transition they commit.
final class SimulationFixture {
    let temporary: TemporaryStore
    let recorder: TransitionRecorder
    let simulation: FactorySimulation
    let gate: ActionGate

    var store: SQLiteJobStore { temporary.store }

    /// A demo store populated with `seed` at ``demoNow``, and a simulation (seeded with `simulationSeed`, by
    /// default the same) starting there.
    init(seed: UInt64 = 1, simulationSeed: UInt64? = nil, settings: SimulationSettings = SimulationSettings()) throws {
        temporary = try TemporaryStore()
        try StoreBootstrap.claimAdmin(for: demoCreator, in: temporary.store, at: demoNow)
        _ = try DemoFactory.populate(temporary.store, seed: seed, now: demoNow, creator: demoCreator)
        recorder = TransitionRecorder(temporary.store)
        simulation = FactorySimulation(store: recorder, seed: simulationSeed ?? seed, start: demoNow, settings: settings)
        gate = ActionGate(store: recorder, clock: simulation.clock)
    }

    /// An operator's or supervisor's action, at the simulated time.
    @discardableResult
    func act(_ action: OperatorAction, as account: String) throws -> ActionReceipt {
        try gate.perform(action, as: Actor(account: account))
    }

    /// Every run, oldest first.
    func allRuns() throws -> [Run] {
        try store.runs(RunQuery(sort: .id, descending: false, limit: 1_000_000))
    }

    /// Runs in `state`, oldest first.
    func runs(_ state: RunState) throws -> [Run] {
        try store.runs(RunQuery(states: [state], sort: .id, descending: false, limit: 1_000_000))
    }

    /// One run (fails the test when it is gone).
    func run(_ id: RunID) throws -> Run {
        guard let run = try store.run(id) else { throw FixtureError("run \(id) is missing") }
        return run
    }

    /// Pending approvals, nearest deadline first.
    func pendingApprovals() throws -> [Approval] {
        try store.approvals(ApprovalQuery(states: [.pending], limit: 10_000))
    }

    /// A supervisor allowed to decide `approval` (four-eyes: not its run's submitter nor its requester, not one who
    /// already decided).
    func decider(for approval: Approval) -> String {
        DemoCatalogue.supervisors.first { account in
            account != approval.runSubmittedBy && account != approval.requestedBy
                && !approval.decisions.contains { $0.decidedBy == account }
        } ?? "sup-national"
    }

    /// Moves the simulation forward, one step of `step` seconds at a time, until `condition` holds or `limit`
    /// seconds have passed; returns whether it held.
    func advance(until condition: () throws -> Bool, limit: TimeInterval, step: TimeInterval = 1) throws -> Bool {
        var elapsed: TimeInterval = 0
        while elapsed <= limit {
            if try condition() { return true }
            try simulation.advance(by: step)
            elapsed += step
        }
        return try condition()
    }
}

/// A test precondition that did not hold.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
