import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// Operators type the id they were told about (`/A-4821`, `/r-190233`): the lists then show that item alone.
@Suite("Filtering the lists by id")
struct IdFilterTests {
    @Test func aRunIdNamesThatRunAloneAndStillHonoursTheOtherFilters() throws {
        let fixture = try StoreFixture()
        let wanted = try fixture.makeRun(state: .queued)
        _ = try fixture.makeRun(state: .queued)
        _ = try fixture.makeRun(state: .running)
        for text in [wanted.description, wanted.description.lowercased(), " \(wanted) "] {
            let query = RunQuery(text: text, limit: 50)
            #expect(try fixture.store.runs(query).map(\.id) == [wanted], "filter \"\(text)\"")
            #expect(try fixture.store.runCount(query) == 1)
        }
        #expect(try fixture.store.runs(RunQuery(states: [.running], text: wanted.description, limit: 50)).isEmpty)
        #expect(try fixture.store.runCount(RunQuery(states: [.running], text: wanted.description, limit: 50)) == 0)
        #expect(try fixture.store.runs(RunQuery(text: "R-999999999", limit: 50)).isEmpty)
    }

    @Test func anApprovalIdNamesThatApprovalAlone() throws {
        let fixture = try StoreFixture()
        let wanted = try fixture.pendingApproval()
        _ = try fixture.pendingApproval()
        let query = ApprovalQuery(states: [], text: wanted.description, limit: 50)
        #expect(try fixture.store.approvals(query).map(\.id) == [wanted])
        #expect(try fixture.store.approvalCount(query) == 1)
        #expect(try fixture.store.approvals(ApprovalQuery(states: [.rejected], text: wanted.description, limit: 50)).isEmpty)
    }

    @Test func textThatOnlyLooksLikeAnIdIsStillText() {
        #expect(RunQuery(text: "2024").idInText == nil)
        #expect(RunQuery(text: "R-12 station").idInText == nil)
        #expect(RunQuery(text: "A-12").idInText == nil)
        #expect(ApprovalQuery(text: "R-12").idInText == nil)
        #expect(RunQuery(text: "r-12").idInText == RunID(rawValue: 12))
    }
}
