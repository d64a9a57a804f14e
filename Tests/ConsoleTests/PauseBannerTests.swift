import ConsoleCore
import ConsoleRender
import FactoryModel
import FactorySimulator
import FactoryStore
import Foundation
import Testing

@Suite("The stop button's red banner, on every screen")
struct PauseBannerTests {
    /// The demo store with an active pool pause (drain) and a site pause awaiting its second supervisor.
    static func pausedFixture() throws -> ConsoleFixture {
        let fixture = try ConsoleFixture()
        try pause(fixture)
        return fixture
    }

    /// Pauses pool dakhla-gpu (drain) and asks to pause site nouaceur in `fixture`'s store.
    static func pause(_ fixture: ConsoleFixture) throws {
        let gate = ActionGate(store: fixture.store, clock: FixedClock(ConsoleFixture.now.addingTimeInterval(-120)))
        let supervisors = DemoCatalogue.supervisors
        _ = try gate.perform(
            .pause(scope: .pool, target: "dakhla-gpu", mode: .drain, reason: "refroidissement en panne"), as: Actor(account: supervisors[0])
        )
        _ = try gate.perform(
            .pause(scope: .site, target: "nouaceur", mode: .continue, reason: "alerte réseau ⵜⴰⵎⴰⵣⵉⵖⵜ"), as: Actor(account: supervisors[1])
        )
    }

    @Test("golden 80x24: two red banner lines, the screen below them, untrusted text kept safe")
    func golden() throws {
        let fixture = try Self.pausedFixture()
        let grid = ConsoleView.render(try fixture.state(), charset: .utf8)
        Golden.assertMatches(grid, named: "overview-paused-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(1).contains("PAUSED pool dakhla-gpu (H-1, draining)"))
        #expect(grid.row(2).contains("SITE PAUSE nouaceur AWAITS A SECOND SUPERVISOR: :confirm H-2"))
        #expect(grid.styleRow(1).allSatisfy { $0 == grid.styleRow(1).first })
    }

    @Test("every screen shows it; lifting the pause removes it")
    func everyScreen() throws {
        let fixture = try Self.pausedFixture()
        for screen in Screen.allCases {
            let grid = ConsoleView.render(try fixture.state(screen: screen), charset: .ascii)
            #expect(grid.row(1).contains("PAUSED pool dakhla-gpu"), "\(screen)")
            #expect(ScreenChecks.isPureASCII(grid))
        }
        let gate = ActionGate(store: fixture.store, clock: FixedClock(ConsoleFixture.now.addingTimeInterval(-60)))
        _ = try gate.perform(.resume(PauseID(rawValue: 1), reason: "réparé"), as: Actor(account: DemoCatalogue.supervisors[2]))
        _ = try gate.perform(.resume(PauseID(rawValue: 2), reason: "fausse alerte"), as: Actor(account: DemoCatalogue.supervisors[2]))
        let grid = ConsoleView.render(try fixture.state(), charset: .utf8)
        #expect(ScreenChecks.row(containing: "PAUSED", in: grid) == nil)
    }

    @Test("control characters in a pause's reason never reach the terminal")
    func hostileReason() throws {
        let fixture = try ConsoleFixture()
        try fixture.store.rawSQL { db in
            try db.execute(
                "INSERT INTO pauses (scope, target, mode, reason, requested_by, requested_at) VALUES ('pool', 'dakhla-gpu', 'continue', ?, ?, ?)",
                ["evil\u{1b}[2J\u{9b}31m\u{202e}reason", "sup\u{7}eau", ConsoleFixture.now.epochMilliseconds]
            )
        }
        let grid = ConsoleView.render(try fixture.state(), charset: .utf8)
        let row = grid.row(1)
        #expect(row.contains("PAUSED pool dakhla-gpu"))
        #expect(!row.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
    }

    @Test("P opens the pause prompt; the command opens a dialog that sends the pause with its reason")
    func pauseFromTheDashboard() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .nodes)
        _ = try fixture.press([.character("P")], on: &state)
        guard case .command(let field) = state.mode else { Issue.record("no command line"); return }
        #expect(field.text == "pause pool ")
        _ = try fixture.press("dakhla-gpu drain".map { Key.character($0) } + [.enter], on: &state)
        guard case .dialog(let dialog) = state.mode else { Issue.record("no dialog"); return }
        #expect(dialog.kind == .pause && dialog.reasonRequired)
        let effects = try fixture.press("cooling".map { Key.character($0) } + [.tab, .tab, .enter], on: &state)
        #expect(effects.contains(.perform(.pause(scope: .pool, target: "dakhla-gpu", mode: .drain, reason: "cooling"))))
    }

    @Test("e escalates the selected approval and U reverses it once decided: each dialog sends its action")
    func reverseAndEscalateKeys() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .approvals)
        // A high-risk approval nobody has decided yet: one approval leaves it pending, in its place in the list.
        let rows = try #require(state.store?.approvals.rows)
        let target = try #require(rows.first { $0.state == .pending && $0.requiredApprovals == 2 && $0.decisions.isEmpty })
        for _ in 0..<rows.count where state.selectedApproval?.id != target.id { _ = try fixture.press([.down], on: &state) }
        #expect(state.selectedApproval?.id == target.id)

        _ = try fixture.press([.character("e")], on: &state)
        guard case .command(let field) = state.mode else { Issue.record("no command line"); return }
        #expect(field.text == "escalate \(target.id) ")
        _ = try fixture.press("sup-eau".map { Key.character($0) } + [.enter], on: &state)
        guard case .dialog(let escalation) = state.mode else { Issue.record("no escalation dialog: \(String(describing: state.status))"); return }
        #expect(escalation.kind == .escalate && escalation.reasonRequired)
        let escalated = try fixture.press("due soon".map { Key.character($0) } + [.tab, .tab, .enter], on: &state)
        #expect(escalated.contains(.perform(.escalate(target.id, to: "sup-eau", reason: "due soon"))), "\(escalated)")
        state.mode = .normal

        // Undecided, it has nothing to reverse; approved a minute ago by a supervisor, it has.
        _ = try fixture.press([.character("U")], on: &state)
        #expect(state.status?.text.contains("no decision to reverse") == true, "\(String(describing: state.status))")
        #expect(state.mode == .normal)
        let gate = ActionGate(store: fixture.store, clock: FixedClock(ConsoleFixture.now.addingTimeInterval(-60)))
        let decider = DemoCatalogue.supervisors.first { account in
            (try? gate.perform(.approve(target.id, reason: nil), as: Actor(account: account))) != nil
        }
        #expect(decider != nil, "no supervisor could approve \(target.id)")
        try fixture.settle(&state)
        #expect(state.selectedApproval?.id == target.id && state.selectedApproval?.decisions.count == 1)
        _ = try fixture.press([.character("U")], on: &state)
        guard case .dialog(let reversal) = state.mode else { Issue.record("no reverse dialog: \(String(describing: state.status))"); return }
        #expect(reversal.kind == .reverse && reversal.reasonRequired && reversal.subject == target.id.description)
        let reversed = try fixture.press("wrong basin".map { Key.character($0) } + [.tab, .tab, .enter], on: &state)
        #expect(reversed.contains(.perform(.reverse(target.id, reason: "wrong basin"))), "\(reversed)")
    }
}
