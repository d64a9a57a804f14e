import Foundation
import Testing
import ConsoleCore
import FactoryModel
import FactoryStore

@Suite("The selection stays on its item when new data arrives")
struct SelectionFollowsItemTests {
    @Test func newRunsArrivingAtTheTopDoNotMoveTheSelectedRun() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs)
        _ = try fixture.press([.down, .down], on: &state)
        let chosen = try #require(state.selectedRun?.id)
        let runtime = RuntimeService(store: fixture.store, clock: FixedClock(ConsoleFixture.now.addingTimeInterval(5)))
        for _ in 0..<3 {
            try runtime.submit(NewRun(
                agent: "hydro-planner", title: "Nouvelle prévision", projectID: ProjectID(rawValue: 1), priority: .normal,
                poolID: "dakhla-gpu", gpus: 1, cpus: 8, submittedBy: "hydro-planner",
                submittedAt: ConsoleFixture.now.addingTimeInterval(5)
            ))
        }
        try fixture.settle(&state)
        #expect(state.selectedRun?.id == chosen)
        #expect(state.lists[.runs]?.selected == 5)
    }

    @Test func atTheVeryTopTheNewestRunsStayInView() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs)
        let runtime = RuntimeService(store: fixture.store, clock: FixedClock(ConsoleFixture.now.addingTimeInterval(5)))
        let newest = try runtime.submit(NewRun(
            agent: "hydro-planner", title: "Nouvelle prévision", projectID: ProjectID(rawValue: 1), priority: .normal,
            poolID: "dakhla-gpu", gpus: 1, cpus: 8, submittedBy: "hydro-planner", submittedAt: ConsoleFixture.now.addingTimeInterval(5)
        ))
        try fixture.settle(&state)
        #expect(state.lists[.runs]?.selected == 0)
        #expect(state.selectedRun?.id == newest)
    }

    @Test func aDecidedApprovalLeavesTheSelectionOnTheNextOneWaiting() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .approvals, account: "sup-energie")
        let first = try #require(state.selectedApproval)
        let second = try #require(state.store?.approvals.row(at: 1))
        _ = try ActionGate(store: fixture.store, clock: FixedClock(ConsoleFixture.now))
            .perform(.reject(first.id, reason: "pas assez d'éléments"), as: Actor(account: "sup-energie"))
        try fixture.settle(&state)
        #expect(state.selectedApproval?.id == second.id)
    }
}
