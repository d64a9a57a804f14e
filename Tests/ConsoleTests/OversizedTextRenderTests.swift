import ConsoleCore
import ConsoleRender
import FactoryModel
import FactoryStore
import Foundation
import Testing

/// A 1 MB subject, action and rationale, and fields that are empty: every screen that shows them draws quickly,
/// cuts them cleanly, and keeps every row exactly as wide as the terminal.
@Suite("Oversized and empty text on screen")
struct OversizedTextRenderTests {
    static let huge = String(repeating: "Ωⵣ\u{1B}[2J\u{202E} word ", count: 1 << 16)  // ~1 MB of UTF-8

    func fixture(subject: String, action: String, rationale: String, title: String) throws -> ConsoleFixture {
        let fixture = try ConsoleFixture()
        let runtime = RuntimeService(store: fixture.store, clock: FixedClock(ConsoleFixture.now.addingTimeInterval(-60)))
        let run = try runtime.submit(NewRun(
            agent: title, title: title, projectID: ProjectID(rawValue: 1), priority: .urgent, poolID: "dakhla-gpu", gpus: 1, cpus: 1,
            submittedBy: "big-agent", submittedAt: ConsoleFixture.now.addingTimeInterval(-60)
        ))
        try runtime.start(run, node: "dkh-gpu-001")
        try runtime.requestApproval(NewApproval(
            runID: run, subject: subject, proposedAction: action, rationale: rationale, risk: .high, requestedBy: "big-agent",
            requestedAt: ConsoleFixture.now.addingTimeInterval(-30), dueAt: ConsoleFixture.now.addingTimeInterval(5)
        ))
        return fixture
    }

    /// The approvals list, its detail and the approve dialog, and the runs list with the detail, at two sizes.
    func grids(_ fixture: ConsoleFixture, width: Int, height: Int) throws -> [(String, CellGrid, Duration)] {
        let clock = ContinuousClock()
        var grids: [(String, CellGrid, Duration)] = []
        func draw(_ name: String, _ state: ConsoleState) {
            let start = clock.now
            let grid = ConsoleView.render(state, charset: .utf8)
            grids.append((name, grid, clock.now - start))
        }
        var state = try fixture.state(screen: .overview, width: width, height: height)
        draw("overview", state)
        _ = try fixture.press([.character("4")], on: &state)
        draw("approvals", state)
        _ = try fixture.press([.enter], on: &state)
        draw("approval detail", state)
        _ = try fixture.press([.character("a")], on: &state)
        draw("approve dialog", state)
        _ = try fixture.press([.escape, .escape, .character("3"), .enter], on: &state)
        draw("run detail", state)
        return grids
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func aOneMegabyteFieldIsCutCleanlyAndDrawnQuickly(size: (Int, Int)) throws {
        let fixture = try fixture(subject: Self.huge, action: Self.huge, rationale: Self.huge, title: Self.huge)
        let drawn = try grids(fixture, width: size.0, height: size.1)
        let slowest = drawn.map(\.2).max() ?? .zero
        for (name, grid, time) in drawn {
            #expect(time < .seconds(1), "\(name) took \(time) to draw (a screenful of text takes a few ms)")
            ScreenChecks.rowsFit(grid)
            ScreenChecks.noControls(grid)
            if name != "overview" && name != "run detail" { #expect(grid.text.contains("Ωⵣ␛[2J"), "\(name):\n\(grid)") }
        }
        print("hardening: hostile=4 faults=0 racing=0 lost=0 test=oversizedRender \(size) slowest frame \(slowest)")
    }

    @Test func emptyFieldsEverywhereDrawFine() throws {
        let fixture = try fixture(subject: "", action: "", rationale: "", title: "")
        for (name, grid, _) in try grids(fixture, width: 80, height: 24) {
            ScreenChecks.rowsFit(grid)
            #expect(!grid.text.isEmpty, "\(name)")
        }
    }
}
