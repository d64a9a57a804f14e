import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("Cancel and reroute follow the run state machine")
struct RunActionTests {
    let ops = Actor(account: "ops-nuit")

    @Test func cancellingAQueuedRunEndsItAtOnce() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .queued)
        _ = try fixture.gate().perform(.cancel(run, reason: "duplicate submission"), as: ops)
        let stored = try #require(try fixture.store.run(run))
        #expect(stored.state == .cancelled)
        #expect(stored.endedAt == fixture.now)
        #expect(stored.cancelRequest == RunRequest(by: "ops-nuit", reason: "duplicate submission", at: fixture.now))
    }

    @Test func cancellingARunningRunAsksTheRuntimeThenTheRuntimeConfirms() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .running)
        let receipt = try fixture.gate().perform(.cancel(run, reason: "runaway"), as: ops)
        #expect(receipt.message.contains("runtime"))
        #expect(try fixture.store.run(run)?.state == .cancelRequested)
        try fixture.runtime().acknowledgeCancel(run)
        #expect(try fixture.store.run(run)?.state == .cancelled)
        let again = refusal { () throws(ActionError) in try fixture.gate().perform(.cancel(run, reason: "again"), as: ops) }
        #expect(again?.kind == .conflict)
    }

    @Test func cancellingAWaitingRunWithdrawsItsApproval() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .running)
        let approval = try fixture.makeApproval(for: run, risk: .medium)
        _ = try fixture.gate().perform(.cancel(run, reason: "project paused"), as: ops)
        #expect(try fixture.store.run(run)?.state == .cancelled)
        #expect(try fixture.store.approval(approval)?.state == .withdrawn)
        let late = refusal { () throws(ActionError) in try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau")) }
        #expect(late?.message.contains("withdrawn") == true)
    }

    @Test func reroutingAQueuedRunMovesItDirectly() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .queued)
        _ = try fixture.gate().perform(.reroute(run, toPool: "benguerir-gpu", reason: "Dakhla saturated"), as: ops)
        let stored = try #require(try fixture.store.run(run))
        #expect(stored.state == .queued && stored.poolID == "benguerir-gpu")
        #expect(stored.rerouteRequest?.by == "ops-nuit")
    }

    @Test func reroutingARunningRunWaitsForTheRuntimeThenRequeuesOnTheNewPool() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .running)
        _ = try fixture.gate().perform(.reroute(run, toPool: "benguerir-gpu", reason: "node failing"), as: ops)
        var stored = try #require(try fixture.store.run(run))
        #expect(stored.state == .rerouteRequested && stored.poolID == "dakhla-gpu" && stored.rerouteTo == "benguerir-gpu")
        try fixture.runtime().acknowledgeReroute(run)
        stored = try #require(try fixture.store.run(run))
        #expect(stored.state == .queued && stored.poolID == "benguerir-gpu" && stored.node == nil && stored.rerouteTo == nil)
    }

    @Test func reroutingToTheSamePoolOrAFinishedRunIsRefused() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .queued)
        #expect(refusal { () throws(ActionError) in try fixture.gate().perform(.reroute(run, toPool: "dakhla-gpu", reason: "x"), as: ops) }?.kind == .invalidInput)
        _ = try fixture.gate().perform(.cancel(run, reason: "stop"), as: ops)
        #expect(refusal { () throws(ActionError) in try fixture.gate().perform(.reroute(run, toPool: "benguerir-gpu", reason: "x"), as: ops) }?.kind == .conflict)
    }

    @Test func theRuntimeActsOnDecisions() throws {
        let fixture = try StoreFixture()
        let approved = try fixture.pendingApproval()
        let rejected = try fixture.pendingApproval()
        let sup = Actor(account: "sup-eau")
        _ = try fixture.gate().perform(.approve(approved, reason: nil), as: sup)
        _ = try fixture.gate().perform(.reject(rejected, reason: "not justified"), as: sup)
        let approvedRun = try #require(try fixture.store.approval(approved)).runID
        let rejectedRun = try #require(try fixture.store.approval(rejected)).runID
        #expect(try fixture.runtime().actOnDecision(approvedRun) == .running)
        #expect(try fixture.runtime().actOnDecision(rejectedRun) == .cancelled)
        #expect(try fixture.store.run(rejectedRun)?.endReason?.contains("rejected") == true)
    }

    @Test func theRuntimeExpiresOverdueApprovals() throws {
        let fixture = try StoreFixture()
        let soon = try fixture.pendingApproval(dueIn: 30)
        let later = try fixture.pendingApproval(dueIn: 3600)
        let expired = try fixture.runtime(at: fixture.now.addingTimeInterval(31)).expireOverdue()
        #expect(expired == [soon])
        #expect(try fixture.store.approval(soon)?.state == .expired)
        #expect(try fixture.store.approval(later)?.state == .pending)
    }

    @Test func theRuntimeRefusesIllegalTransitions() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .queued)
        #expect(throws: ActionError.self) { try fixture.runtime().finish(run, succeeded: true) }
        try fixture.runtime().start(run, node: "dkh-gpu-002")
        try fixture.runtime().finish(run, succeeded: true)
        let before = try fixture.snapshot()
        #expect(throws: ActionError.self) { try fixture.runtime().start(run, node: "dkh-gpu-002") }
        #expect(throws: ActionError.self) { try fixture.runtime().finish(run, succeeded: false) }
        #expect(throws: ActionError.self) { try fixture.runtime().acknowledgeCancel(run) }
        #expect(try fixture.snapshot() == before)
        #expect(try fixture.store.run(run)?.state == .succeeded)
    }
}
