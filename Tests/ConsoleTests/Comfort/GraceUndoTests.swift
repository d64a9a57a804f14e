import ConsoleCore
import ConsoleRender
import FactoryModel
import Foundation
import Testing

/// The grace window: a confirmed cancel or reroute waits in the console with a countdown, `u` takes it back, and the
/// gate is asked only when the window ends. Time is the test's own clock (tick events), never the wall clock.
@Suite("Grace window and undo")
struct GraceUndoTests {
    /// A console on the runs screen of an operator, with `grace` seconds, the first cancellable run selected.
    private func runsConsole(_ fixture: ConsoleFixture, grace: TimeInterval) throws -> ConsoleState {
        var options = ConsoleOptions(factoryName: "FUSION AI FACTORY · national")
        options.graceSeconds = grace
        var state = try fixture.state(screen: .runs, account: "ops-nuit", role: .operator, options: options)
        var steps = 0
        while state.selectedRun?.state.stateAfterCancel == nil, steps < 50 {
            _ = try fixture.press([.down], on: &state)
            steps += 1
        }
        try #require(state.selectedRun?.state.stateAfterCancel != nil)
        return state
    }

    /// `c`, a reason, Tab Tab Enter: the confirmed cancel's effects.
    private func confirmCancel(_ fixture: ConsoleFixture, _ state: inout ConsoleState, reason: String = "runaway") throws -> [ConsoleEffect] {
        var effects = try fixture.press([.character("c")], on: &state)
        effects += try fixture.press(reason.map { Key.character($0) } + [.tab, .tab, .enter], on: &state)
        return effects
    }

    private func performs(_ effects: [ConsoleEffect]) -> [OperatorAction] {
        effects.compactMap { if case .perform(let action) = $0 { action } else { nil } }
    }

    @Test("the cancel is held with a countdown and sent only when the window ends")
    func heldThenSent() throws {
        let fixture = try ConsoleFixture()
        var state = try runsConsole(fixture, grace: 5)
        let run = try #require(state.selectedRun)
        #expect(performs(try confirmCancel(fixture, &state)).isEmpty)
        #expect(state.mode == .normal)
        #expect(state.held.count == 1)
        #expect(state.held.first?.secondsLeft(at: state.now) == 5)
        let line = ConsoleView.render(state, charset: .utf8).row(state.layout.statusRow)
        #expect(line.contains("cancel \(run.id) in 5 s") && line.contains("u takes back"))
        let grid = ConsoleView.render(state, charset: .utf8)
        let row = try #require(ScreenChecks.row(containing: "▶ \(run.id)", in: grid))
        #expect(grid.row(row).contains("! cancel in 5s"))
        let start = state.now
        #expect(performs(state.update(.tick(start.addingTimeInterval(4)))).isEmpty)
        #expect(ConsoleView.render(state, charset: .utf8).row(state.layout.statusRow).contains("in 1 s"))
        let sent = performs(state.update(.tick(start.addingTimeInterval(5))))
        #expect(sent == [.cancel(run.id, reason: "runaway")])
        #expect(state.held.isEmpty)
        #expect(state.sessionActions.last?.outcome == .sending)
        _ = state.update(.actionFinished(.done("Cancelled \(run.id).")))
        #expect(state.sessionActions.last?.outcome == .done("Cancelled \(run.id)."))
        #expect(performs(state.update(.tick(start.addingTimeInterval(10)))).isEmpty)
    }

    @Test("u takes back the latest held action: the gate is never asked")
    func undo() throws {
        let fixture = try ConsoleFixture()
        var state = try runsConsole(fixture, grace: 5)
        let start = state.now
        _ = try confirmCancel(fixture, &state, reason: "first")
        _ = try fixture.press([.down], on: &state)
        while state.selectedRun?.state.stateAfterCancel == nil { _ = try fixture.press([.down], on: &state) }
        let second = try #require(state.selectedRun)
        _ = try confirmCancel(fixture, &state, reason: "second")
        #expect(state.held.count == 2)
        _ = try fixture.press([.character("u")], on: &state)
        #expect(state.held.count == 1)
        #expect(state.sessionActions.last?.outcome == .takenBack)
        #expect(state.status?.text.contains("Taken back: cancel \(second.id)") == true)
        let sent = performs(state.update(.tick(start.addingTimeInterval(6))))
        #expect(sent.count == 1)
        #expect(sent.first?.subject != second.id.description)
        _ = try fixture.press([.character("u")], on: &state)
        #expect(state.status?.text.contains("Nothing is waiting") == true)
    }

    @Test("with grace 0 the cancel goes to the gate at once, as before")
    func noGrace() throws {
        let fixture = try ConsoleFixture()
        var state = try runsConsole(fixture, grace: 0)
        let run = try #require(state.selectedRun)
        #expect(performs(try confirmCancel(fixture, &state)) == [.cancel(run.id, reason: "runaway")])
        #expect(state.held.isEmpty)
    }

    @Test("quitting with a held action asks; q again sends it and quits; another key stays")
    func quitAsks() throws {
        let fixture = try ConsoleFixture()
        var state = try runsConsole(fixture, grace: 5)
        let run = try #require(state.selectedRun)
        _ = try confirmCancel(fixture, &state)
        var effects = try fixture.press([.character("q")], on: &state)
        #expect(!state.quitting && effects.isEmpty)
        #expect(state.status?.text.contains("1 held action not sent yet") == true)
        effects = try fixture.press([.character("j")], on: &state)
        #expect(!state.quitting && state.held.count == 1)
        _ = try fixture.press([.character("q")], on: &state)
        effects = try fixture.press([.character("q")], on: &state)
        #expect(state.quitting)
        #expect(performs(effects) == [.cancel(run.id, reason: "runaway")])
        #expect(effects.last == .quit)
        #expect(state.held.isEmpty)
    }

    @Test("a held action's answer does not close a dialog the operator is filling in")
    func answerLeavesDialog() throws {
        let fixture = try ConsoleFixture()
        var state = try runsConsole(fixture, grace: 1)
        _ = try confirmCancel(fixture, &state)
        _ = state.update(.tick(state.now.addingTimeInterval(1)))
        _ = try fixture.press([.character("m")], on: &state)
        guard case .dialog = state.mode else {
            Issue.record("the reroute dialog did not open")
            return
        }
        _ = state.update(.actionFinished(.done("Cancelled.")))
        guard case .dialog = state.mode else {
            Issue.record("the answer closed the reroute dialog")
            return
        }
    }
}
