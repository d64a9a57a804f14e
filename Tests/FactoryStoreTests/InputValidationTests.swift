import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("Bad input and unknown ids change nothing")
struct InputValidationTests {
    @Test(arguments: ["", "   ", String(repeating: "x", count: 501), "line\nbreak", "esc\u{1B}[2J", "bidi\u{202E}txt"])
    func rejectCancelRerouteWithoutAProperReasonChangeNothing(reason: String) throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval()
        let run = try fixture.makeRun(state: .queued)
        let before = try fixture.snapshot()
        let sup = Actor(account: "sup-eau")
        for action: OperatorAction in [
            .reject(approval, reason: reason), .cancel(run, reason: reason), .reroute(run, toPool: "benguerir-gpu", reason: reason),
        ] {
            #expect(refusal { () throws(ActionError) in try fixture.gate().perform(action, as: sup) }?.kind == .invalidInput)
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test func approveTakesAnOptionalReasonButStillRefusesControlCharacters() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval()
        let before = try fixture.snapshot()
        #expect(refusal { () throws(ActionError) in
            try fixture.gate().perform(.approve(approval, reason: "ok\u{07}"), as: Actor(account: "sup-eau"))
        }?.kind == .invalidInput)
        #expect(try fixture.snapshot() == before)
        _ = try fixture.gate().perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau"))
        #expect(try fixture.store.approval(approval)?.decisions.first?.reason == nil)
    }

    @Test func unknownIdsAreNotFoundAndChangeNothing() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .queued)
        let before = try fixture.snapshot()
        let sup = Actor(account: "sup-eau")
        let missing: [OperatorAction] = [
            .approve(ApprovalID(rawValue: 999_999), reason: nil), .reject(ApprovalID(rawValue: 999_999), reason: "x"),
            .cancel(RunID(rawValue: 999_999), reason: "x"), .reroute(RunID(rawValue: 999_999), toPool: "rabat-cpu", reason: "x"),
            .reroute(run, toPool: "nowhere-gpu", reason: "x"),
        ]
        for action in missing {
            #expect(refusal { () throws(ActionError) in try fixture.gate().perform(action, as: sup) }?.kind == .notFound)
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test func hostileIdsAndPoolNamesNeverReachTheStore() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .queued)
        let before = try fixture.snapshot()
        #expect(RunID("1; DROP TABLE runs") == nil)
        #expect(ApprovalID("A-1' OR '1'='1") == nil)
        #expect(refusal { () throws(ActionError) in
            try fixture.gate().perform(.reroute(run, toPool: "x'; DROP TABLE runs; --", reason: "x"), as: Actor(account: "ops-nuit"))
        }?.kind == .invalidInput)
        let filtered = try fixture.store.runs(RunQuery(poolID: "' OR 1=1 --", text: "%'; DROP TABLE runs; --"))
        #expect(filtered.isEmpty)
        #expect(try fixture.snapshot() == before)
    }

    @Test func reroutingAGPURunToACPUPoolIsRefused() throws {
        let fixture = try StoreFixture()
        let run = try fixture.makeRun(state: .queued, gpus: 4)
        let before = try fixture.snapshot()
        let refused = refusal { () throws(ActionError) in
            try fixture.gate().perform(.reroute(run, toPool: "rabat-cpu", reason: "spare capacity"), as: Actor(account: "ops-nuit"))
        }
        #expect(refused?.kind == .invalidInput)
        #expect(refused?.message.contains("CPU pool") == true)
        #expect(try fixture.snapshot() == before)
    }
}
