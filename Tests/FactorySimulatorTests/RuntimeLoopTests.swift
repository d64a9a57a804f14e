import Foundation
import Testing
import FactoryModel
import FactoryStore
@testable import FactorySimulator

/// The simulated runtime answering operators, headless, on a demo store, with the simulation's clock.
@Suite("Runtime loop")
struct RuntimeLoopTests {
    /// A pending approval one more approval completes, due in more than five minutes.
    static func decidable(_ fixture: SimulationFixture) throws -> Approval {
        let now = fixture.simulation.now
        guard let approval = try fixture.pendingApprovals().first(where: {
            $0.dueAt > now.addingTimeInterval(300) && $0.requiredApprovals - $0.approvers.count == 1
        }) else { throw FixtureError("no pending approval one decision completes") }
        #expect(try fixture.run(approval.runID).state == .awaitingApproval)
        return approval
    }

    @Test("within 30 s: runs are submitted, some finish, an agent asks for approval")
    func opening() throws {
        let fixture = try SimulationFixture()
        let before = try fixture.allRuns().count
        var events: [SimulationEvent] = []
        for _ in 0..<30 { events += try fixture.simulation.advance(by: 1) }
        let kinds = Set(events.map(\.kind))
        #expect(kinds.contains(.submitted))
        #expect(kinds.contains(.started))
        #expect(kinds.contains(.succeeded) || kinds.contains(.failed))
        #expect(kinds.contains(.approvalRequested))
        #expect(try fixture.allRuns().count > before)
        let asked = try #require(events.first { $0.kind == .approvalRequested })
        let approval = try #require(try fixture.store.approval(ApprovalID(rawValue: Int64(asked.subject.dropFirst(2))!)))
        #expect(approval.state == .pending)
        #expect(!approval.subject.isEmpty && !approval.proposedAction.isEmpty && !approval.rationale.isEmpty)
        #expect(approval.requiredApprovals == approval.risk.defaultRequiredApprovals)
        let due = approval.dueAt.timeIntervalSince(approval.requestedAt)
        #expect((240...3_600).contains(due))
        #expect(try fixture.run(approval.runID).state == .awaitingApproval)
        #expect(fixture.simulation.totals[.conflict] == nil)
    }

    @Test("approve → the runtime resumes the run")
    func approveResumes() throws {
        let fixture = try SimulationFixture()
        try fixture.simulation.advance(by: 1)
        let approval = try Self.decidable(fixture)
        try fixture.act(.approve(approval.id, reason: "checked"), as: fixture.decider(for: approval))
        #expect(try fixture.store.approval(approval.id)?.state == .approved)
        #expect(try fixture.run(approval.runID).state == .awaitingApproval, "the runtime, not the gate, resumes the run")
        #expect(try fixture.advance(until: { try fixture.run(approval.runID).state == .running }, limit: 10))
        let audit = try fixture.store.auditRecords(AuditQuery(text: approval.runID.description, limit: 10))
        #expect(audit.contains { $0.action == "resume" && $0.actor == Actor.runtime.account })
    }

    @Test("reject → the runtime ends the run as cancelled")
    func rejectEnds() throws {
        let fixture = try SimulationFixture()
        try fixture.simulation.advance(by: 1)
        let approval = try Self.decidable(fixture)
        try fixture.act(.reject(approval.id, reason: "evidence too thin"), as: fixture.decider(for: approval))
        #expect(try fixture.advance(until: { try fixture.run(approval.runID).state.isTerminal }, limit: 10))
        let run = try fixture.run(approval.runID)
        #expect(run.state == .cancelled)
        #expect(run.endReason == "\(approval.id) rejected")
    }

    @Test("cancel of a running run → cancel_requested, then cancelled once the runtime acknowledges")
    func cancelRunning() throws {
        let fixture = try SimulationFixture()
        try fixture.simulation.advance(by: 1)
        let running = try #require(try fixture.runs(.running).last { DemoCatalogue.pool($0.poolID)?.kind != .edge })
        try fixture.act(.cancel(running.id, reason: "runaway: 3 times its usual duration"), as: "ops-jour")
        #expect(try fixture.run(running.id).state == .cancelRequested)
        try fixture.simulation.advance(by: 1)
        #expect(try fixture.run(running.id).state == .cancelRequested, "the runtime takes a few seconds to stop it")
        #expect(try fixture.advance(until: { try fixture.run(running.id).state.isTerminal }, limit: 10))
        let run = try fixture.run(running.id)
        #expect(run.state == .cancelled)
        #expect(run.endReason == "cancelled by ops-jour")
        let audit = try fixture.store.auditRecords(AuditQuery(text: running.id.description, limit: 10))
        #expect(audit.contains { $0.action == "acknowledge-cancel" })
    }

    @Test("reroute of a queued run → it waits, then starts, on its new pool")
    func rerouteQueued() throws {
        let fixture = try SimulationFixture()
        try fixture.simulation.advance(by: 1)
        let (run, target) = try Self.reroutable(fixture, state: .queued)
        try fixture.act(.reroute(run.id, toPool: target, reason: "spare capacity on \(target)"), as: "ops-jour")
        #expect(try fixture.run(run.id).poolID == target)
        #expect(try fixture.run(run.id).state == .queued)
        #expect(try fixture.advance(until: { try fixture.run(run.id).state != .queued }, limit: 120))
        let moved = try fixture.run(run.id)
        #expect(moved.state == .running)
        #expect(moved.poolID == target)
        #expect(DemoCatalogue.nodes.first { $0.name == moved.node }?.pool == target)
    }

    @Test("reroute of a running run → reroute_requested, then queued on the new pool once the runtime stops it")
    func rerouteRunning() throws {
        let fixture = try SimulationFixture()
        try fixture.simulation.advance(by: 1)
        let (run, target) = try Self.reroutable(fixture, state: .running)
        try fixture.act(.reroute(run.id, toPool: target, reason: "maintenance on \(run.poolID) tonight"), as: "ops-nuit")
        #expect(try fixture.run(run.id).state == .rerouteRequested)
        #expect(try fixture.advance(until: { try fixture.run(run.id).state != .rerouteRequested }, limit: 10))
        let moved = try fixture.run(run.id)
        #expect(moved.state == .queued)
        #expect(moved.poolID == target)
        #expect(moved.node == nil)
    }

    @Test("an approval past its deadline expires, and its run ends")
    func expiry() throws {
        let fixture = try SimulationFixture()
        try fixture.simulation.advance(by: 1)
        let approval = try #require(try fixture.pendingApprovals().min { $0.dueAt < $1.dueAt })
        let wait = approval.dueAt.timeIntervalSince(fixture.simulation.now)
        let decided = try fixture.advance(
            until: { try fixture.store.approval(approval.id)?.state != .pending }, limit: wait + 10, step: 5
        )
        #expect(decided)
        #expect(try fixture.store.approval(approval.id)?.state == .expired)
        #expect(fixture.simulation.now >= approval.dueAt)
        #expect(try fixture.advance(until: { try fixture.run(approval.runID).state.isTerminal }, limit: 10))
        let run = try fixture.run(approval.runID)
        #expect(run.state == .cancelled)
        #expect(run.endReason == "\(approval.id) expired")
    }

    @Test("a demo store opened a day later: its approvals expire at once, new ones come to keep supervisors busy")
    func oldStore() throws {
        let temporary = try TemporaryStore()
        try StoreBootstrap.claimAdmin(for: demoCreator, in: temporary.store, at: demoNow)
        _ = try DemoFactory.populate(temporary.store, seed: 2, now: demoNow, creator: demoCreator)
        var settings = SimulationSettings()
        settings.maxStep = 10
        let dayLater = demoNow.addingTimeInterval(86_400)
        let simulation = FactorySimulation(store: temporary.store, seed: 2, start: dayLater, settings: settings)
        let opening = try simulation.step(to: dayLater)
        #expect(opening.filter { $0.kind == .expired }.count >= 15)
        #expect(try temporary.store.approvalCount(ApprovalQuery(states: [.pending])) == 0)
        try simulation.advance(by: 420)
        let pending = try temporary.store.approvalCount(ApprovalQuery(states: [.pending]))
        #expect(pending >= 8, "only \(pending) pending after 7 minutes")
        #expect(try temporary.store.runCount(RunQuery(states: [.awaitingApproval])) == pending)
    }

    /// A run in `state` off the edge (CPU work first: CPU pools have room), and another pool of its kind where one
    /// node can hold it.
    static func reroutable(_ fixture: SimulationFixture, state: RunState) throws -> (Run, String) {
        let runs = try fixture.runs(state).sorted { ($0.gpus, $0.id.rawValue) < ($1.gpus, $1.id.rawValue) }
        for run in runs {
            guard let pool = DemoCatalogue.pool(run.poolID), pool.kind != .edge else { continue }
            let targets = DemoCatalogue.pools.filter { target in
                target.kind == pool.kind && target.id != pool.id && target.fits(gpus: run.gpus, cpus: run.cpus)
                    && DemoCatalogue.nodes.contains { $0.pool == target.id && $0.gpuCount >= run.gpus && $0.cores >= run.cpus }
            }
            // The least loaded pool, so that the run can start there soon.
            let loads = try fixture.store.poolLoads()
            if let target = targets.min(by: { a, b in
                let la = loads.first { $0.pool.id == a.id }, lb = loads.first { $0.pool.id == b.id }
                return (la?.queued ?? 0, la?.gpusInUse ?? 0) < (lb?.queued ?? 0, lb?.gpusInUse ?? 0)
            }) {
                return (run, target.id)
            }
        }
        throw FixtureError("no \(state.label) run can be moved")
    }
}
