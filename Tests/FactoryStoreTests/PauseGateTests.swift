import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("The stop button: supervisors pause pools and sites; a site needs a second supervisor; the runtime honours it")
struct PauseGateTests {
    let sup = Actor(account: "sup-eau")
    let other = Actor(account: "sup-rsu")

    @Test func onlySupervisorsPauseAndAReasonIsRequired() throws {
        let fixture = try StoreFixture()
        let before = try fixture.auditCount()
        let missing = refusal { () throws(ActionError) in
            try fixture.gate().perform(.pause(scope: .pool, target: "dakhla-gpu", mode: .continue, reason: " "), as: sup)
        }
        #expect(missing?.kind == .invalidInput)
        #expect(try fixture.auditCount() == before)

        let operatorTry = refusal { () throws(ActionError) in
            try fixture.gate().perform(.pause(scope: .pool, target: "dakhla-gpu", mode: .continue, reason: "cooling"), as: Actor(account: "ops-nuit"))
        }
        #expect(operatorTry?.kind == .notPermitted)
        #expect(try fixture.store.auditRecords(AuditQuery(limit: 1)).first?.outcome == .denied)
        #expect(try fixture.store.pauses().isEmpty)

        let unknown = refusal { () throws(ActionError) in
            try fixture.gate().perform(.pause(scope: .pool, target: "nowhere-gpu", mode: .continue, reason: "x"), as: sup)
        }
        #expect(unknown?.kind == .notFound)
    }

    @Test func aPoolPauseStopsNewStartsAtOnceAndResumeLiftsIt() throws {
        let fixture = try StoreFixture()
        let queued = try fixture.makeRun(state: .queued)
        let receipt = try fixture.gate().perform(.pause(scope: .pool, target: "dakhla-gpu", mode: .continue, reason: "cooling fault"), as: sup)
        #expect(receipt.message.contains("Paused pool dakhla-gpu"))
        let pause = try #require(try fixture.store.pauses().first)
        #expect(pause.state == .active)
        #expect(try fixture.store.pausedPoolIDs() == ["dakhla-gpu"])

        let start = refusal { () throws(ActionError) in
            try fixture.runtime().start(queued, node: "dkh-gpu-001")
            return ActionReceipt(action: "start", subject: "", message: "", auditSeq: 0)
        }
        #expect(start?.kind == .conflict)
        #expect(try fixture.store.run(queued)?.state == .queued)

        let again = refusal { () throws(ActionError) in
            try fixture.gate().perform(.pause(scope: .pool, target: "dakhla-gpu", mode: .drain, reason: "twice"), as: other)
        }
        #expect(again?.kind == .conflict)

        _ = try fixture.gate().perform(.resume(pause.id, reason: "fixed"), as: other)
        #expect(try fixture.store.pausedPoolIDs().isEmpty)
        try fixture.runtime().start(queued, node: "dkh-gpu-001")
        #expect(try fixture.store.run(queued)?.state == .running)
        let lifted = refusal { () throws(ActionError) in try fixture.gate().perform(.resume(pause.id, reason: "again"), as: sup) }
        #expect(lifted?.kind == .conflict)
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }

    @Test func drainAsksRunningWorkToStopAttributedToThePause() throws {
        let fixture = try StoreFixture()
        let running = try fixture.makeRun(state: .running)
        let elsewhere = try fixture.makeRun(state: .running, pool: "rabat-cpu", gpus: 0)
        _ = try fixture.gate().perform(.pause(scope: .pool, target: "dakhla-gpu", mode: .drain, reason: "power cut"), as: sup)
        let run = try #require(try fixture.store.run(running))
        #expect(run.state == .cancelRequested)
        #expect(run.cancelRequest?.by == "sup-eau")
        #expect(run.cancelRequest?.reason.contains("pause H-") == true)
        #expect(try fixture.store.run(elsewhere)?.state == .running)
    }

    @Test func anApprovalDoesNotRestartARunOnADrainedPoolButDoesOnAMerelyPausedOne() throws {
        let fixture = try StoreFixture()
        let drainedApproval = try fixture.pendingApproval(risk: .low)
        let drainedRun = try #require(try fixture.store.approval(drainedApproval)).runID
        _ = try fixture.gate().perform(.pause(scope: .pool, target: "dakhla-gpu", mode: .drain, reason: "power cut"), as: sup)
        #expect(try fixture.store.run(drainedRun)?.state == .awaitingApproval)
        _ = try fixture.gate().perform(.approve(drainedApproval, reason: nil), as: other)
        #expect(try fixture.runtime().actOnDecision(drainedRun) == .cancelled)
        let ended = try #require(try fixture.store.run(drainedRun))
        #expect(ended.endReason?.contains("drained by pause H-1") == true, "\(ended.endReason ?? "")")
        #expect(try fixture.store.auditRecords(AuditQuery(limit: 1)).first?.action == "end")

        _ = try fixture.gate().perform(.resume(try #require(try fixture.store.pauses().first).id, reason: "power back"), as: sup)
        let pausedApproval = try fixture.pendingApproval(risk: .low)
        let pausedRun = try #require(try fixture.store.approval(pausedApproval)).runID
        _ = try fixture.gate().perform(.pause(scope: .pool, target: "dakhla-gpu", mode: .continue, reason: "cooling"), as: sup)
        _ = try fixture.gate().perform(.approve(pausedApproval, reason: nil), as: other)
        #expect(try fixture.runtime().actOnDecision(pausedRun) == .running)
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }

    @Test func aSitePauseNeedsASecondDifferentSupervisor() throws {
        let fixture = try StoreFixture()
        let running = try fixture.makeRun(state: .running, pool: "benguerir-gpu")
        _ = try fixture.gate().perform(.pause(scope: .site, target: "dakhla", mode: .drain, reason: "grid alert"), as: sup)
        let pause = try #require(try fixture.store.pauses().first)
        #expect(pause.state == .awaitingConfirmation)
        #expect(try fixture.store.pausedPoolIDs().isEmpty)
        #expect(try fixture.store.run(running)?.state == .running)

        let self_ = refusal { () throws(ActionError) in try fixture.gate().perform(.confirmPause(pause.id, reason: nil), as: sup) }
        #expect(self_?.kind == .notPermitted)
        #expect(try fixture.store.auditRecords(AuditQuery(limit: 1)).first?.outcome == .denied)
        let viewer = refusal { () throws(ActionError) in
            try fixture.gate().perform(.confirmPause(pause.id, reason: nil), as: Actor(account: "ops-nuit"))
        }
        #expect(viewer?.kind == .notPermitted)

        _ = try fixture.gate().perform(.confirmPause(pause.id, reason: "confirmed with the grid"), as: other)
        let active = try #require(try fixture.store.pauses().first)
        #expect(active.state == .active)
        #expect(active.confirmedBy == "sup-rsu")
        #expect(try fixture.store.pausedPoolIDs() == ["dakhla-gpu", "benguerir-gpu"])
        #expect(try fixture.store.run(running)?.state == .cancelRequested)
        let twice = refusal { () throws(ActionError) in try fixture.gate().perform(.confirmPause(pause.id, reason: nil), as: Actor(account: "sup-energie")) }
        #expect(twice?.kind == .conflict)
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }

    @Test func pausesAreKeptForTheRecord() throws {
        let fixture = try StoreFixture()
        _ = try fixture.gate().perform(.pause(scope: .pool, target: "rabat-cpu", mode: .continue, reason: "audit"), as: sup)
        #expect(throws: (any Error).self) { try fixture.store.rawSQL { db in try db.execute("DELETE FROM pauses") } }
        #expect(throws: (any Error).self) { try fixture.store.rawSQL { db in try db.execute("UPDATE pauses SET reason = 'nothing'") } }
        #expect(try fixture.store.pauses().first?.reason == "audit")
    }
}
