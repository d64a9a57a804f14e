import ConsoleCore
import ConsoleRender
import FactoryModel
import FactoryStore
import Foundation
import SafeText
import Testing

@Suite("Hostile store text on the overview, the approvals screen and the dialog")
struct HostileTextRenderTests {
    static let hostile = "\u{1B}[2J\u{1B}[31mRED \u{1B}]52;c;ZXZpbA==\u{07} \u{202E}lave\u{202C} \u{9B}31m \u{200B}x\u{7F}"

    /// The demo store plus a run and an approval, due first, whose every text field is hostile.
    static func fixtureWithHostileApproval() throws -> ConsoleFixture {
        let fixture = try ConsoleFixture()
        let runtime = RuntimeService(store: fixture.store, clock: FixedClock(ConsoleFixture.now.addingTimeInterval(-120)))
        let run = try runtime.submit(NewRun(
            agent: "hydro-planner", title: "Run " + hostile, projectID: ProjectID(rawValue: 1), priority: .urgent,
            poolID: "dakhla-gpu", gpus: 1, cpus: 4, submittedBy: "hydro-planner",
            submittedAt: ConsoleFixture.now.addingTimeInterval(-120)
        ))
        try runtime.start(run, node: "dkh-gpu-001")
        try runtime.requestApproval(NewApproval(
            runID: run, subject: "Subject " + hostile, proposedAction: "Do " + hostile,
            rationale: "Line one " + hostile + "\nLine two\twith a tab\r\nLine three \u{2028} " + hostile, risk: .high,
            requestedBy: "hydro-planner", requestedAt: ConsoleFixture.now.addingTimeInterval(-60),
            dueAt: ConsoleFixture.now.addingTimeInterval(30)
        ))
        return fixture
    }

    @Test("no control, escape or bidi character reaches a cell, at every size and in both charsets",
          arguments: [(80, 24), (160, 48)])
    func neutralised(size: (Int, Int)) throws {
        let fixture = try Self.fixtureWithHostileApproval()
        for screen in [Screen.overview, .approvals] {
            var state = try fixture.state(screen: screen, width: size.0, height: size.1, account: "sup-energie")
            #expect(state.store?.approvals.rows.first?.subject.hasPrefix("Subject") == true)
            var grids = [ConsoleView.render(state, charset: .utf8), ConsoleView.render(state, charset: .ascii)]
            if screen == .approvals {
                _ = try fixture.press([.enter], on: &state)
                grids.append(ConsoleView.render(state, charset: .utf8))
                grids.append(ConsoleView.render(state, charset: .ascii))
            }
            _ = try fixture.press([.character("a")], on: &state)
            if case .dialog = state.mode {} else { Issue.record("no dialog on \(screen): \(String(describing: state.status))") }
            grids.append(ConsoleView.render(state, charset: .utf8))
            grids.append(ConsoleView.render(state, charset: .ascii))
            for grid in grids {
                ScreenChecks.noControls(grid)
                ScreenChecks.rowsFit(grid)
                #expect(!grid.text.contains("\u{1B}"))
                #expect(grid.text.contains("Subject"))
            }
            let utf8 = grids[0].text
            #expect(utf8.contains("Subject ␛[2J"), "ESC shows as a visible ␛")
        }
    }
}
