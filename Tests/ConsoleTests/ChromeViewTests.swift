import ConsoleCore
import ConsoleRender
import FactoryModel
import FactoryStore
import Foundation
import SafeText
import Testing

@Suite("Chrome: header, tabs, status line, footer, help, too small")
struct ChromeViewTests {
    @Test("the help lists every key, the unavailable ones with their reason, and how to close it")
    func help() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .approvals)
        _ = try fixture.press([.character("?")], on: &state)
        state.identity.role = .operator  // after the load, which reads the account's role from the store
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "help-approvals-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(ScreenChecks.row(containing: "needs the supervisor role (you are operator)", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "approve (n/a)", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "any key closes the help", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "PgDn Ctrl-F Space", in: grid) != nil)
        // The rest of the keys are a scroll away; any other key closes.
        #expect(ScreenChecks.row(containing: "more: ↓ scrolls", in: grid) != nil)
        _ = try fixture.press(Array(repeating: .down, count: 20), on: &state)
        let end = ConsoleView.render(state, charset: .utf8)
        #expect(ScreenChecks.row(containing: "quit (Ctrl-C always quits)", in: end) != nil)
        #expect(ScreenChecks.row(containing: "what this session did, as command lines", in: end) != nil)
        #expect(ScreenChecks.row(containing: "the end: ↑ scrolls back", in: end) != nil)
        _ = try fixture.press([.character("z")], on: &state)
        #expect(state.mode == .normal)
    }

    @Test("below 80x24 only the too-small message shows")
    func tooSmall() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(width: 60, height: 20), charset: .utf8)
        Golden.assertMatches(grid, named: "too-small-60x20")
        ScreenChecks.rowsFit(grid)
        #expect(ScreenChecks.row(containing: "Terminal too small: 60x20.", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "needs at least 80x24.", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "press q to quit", in: grid) != nil)
    }

    @Test("tiny terminals never crash and stay within their rows", arguments: [(1, 1), (2, 1), (1, 5), (7, 2), (20, 3), (79, 24), (80, 23)])
    func tiny(size: (Int, Int)) throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state()
        _ = state.update(.resize(width: size.0, height: size.1))
        for charset in [TerminalCharset.utf8, .ascii] {
            let grid = ConsoleView.render(state, charset: charset)
            #expect(grid.width == size.0 && grid.height == size.1)
            ScreenChecks.rowsFit(grid)
        }
    }

    @Test("every screen, mode and size from 80x24 keeps each row exactly as wide as the terminal",
          arguments: [(80, 24), (100, 30), (132, 43), (160, 48)])
    func widths(size: (Int, Int)) throws {
        let fixture = try ConsoleFixture()
        for screen in [Screen.overview, .approvals] {
            var state = try fixture.state(screen: screen, width: size.0, height: size.1)
            for keys: [Key] in [[], [.enter], [.character("?")], [.escape, .character("a")], [.escape, .character("/")]] {
                _ = try fixture.press(keys, on: &state)
                for charset in [TerminalCharset.utf8, .ascii] {
                    let grid = ConsoleView.render(state, charset: charset)
                    ScreenChecks.rowsFit(grid)
                    if charset == .ascii { #expect(ScreenChecks.isPureASCII(grid)) }
                }
            }
        }
    }

    @Test("the header keeps the clock, the account and both freshness marks at 80 columns")
    func header() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state()
        state.identity.actor = Actor(account: "ops-nuit", via: "root")
        state.identity.role = .operator
        state.storeStatus.lastSuccess = ConsoleFixture.now.addingTimeInterval(-42)
        state.registry.status.error = "connection refused"
        let grid = ConsoleView.render(state, charset: .utf8)
        let header = grid.row(0)
        #expect(header.contains("03:12:45 "), "the clock stays; its UTC goes when the room is short")
        #expect(header.contains("ops-nuit via root (operator)"))
        #expect(header.contains("store ✗ stale 42s"))
        #expect(header.contains("registry ✗ stale 1s"))
        ScreenChecks.rowsFit(grid)
        let ascii = ConsoleView.render(state, charset: .ascii).row(0)
        #expect(ascii.contains("store x stale 42s"))
    }

    @Test("a fresh header: ✓ and the age; the factory name is shortened, not the facts")
    func freshHeader() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(), charset: .utf8)
        let header = grid.row(0)
        #expect(header.contains("store ✓ 0s"))
        #expect(header.contains("registry ✓ 1s"))
        #expect(header.hasPrefix(" FUSION AI"))
    }

    @Test("a shortened factory name never ends on its separator, in UTF-8 or once transliterated to ASCII")
    func shortenedNameDropsTheSeparator() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state()
        state.identity.actor = Actor(account: "root", via: nil)
        state.identity.role = .admin
        for charset in [TerminalCharset.utf8, .ascii] {
            let header = ConsoleView.render(state, charset: charset).row(0)
            let name = header.prefix { $0 != "…" && $0 != "~" }
            #expect(name.hasPrefix(" FUSION AI"), "\(header)")
            #expect(name.hasSuffix("FACTORY") || name.hasSuffix("AI"), "a separator before the ellipsis: \(header)")
        }
    }

    @Test("new approvals show as a badge next to Approvals, in words at 160 columns and short at 80")
    func badge() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(width: 160, height: 48)
        state.newApprovals = 2
        #expect(ConsoleView.render(state, charset: .utf8).row(1).contains("4 Approvals ● 2 new"))
        _ = state.update(.resize(width: 80, height: 24))
        // The overview has room for the full tabs at 80 columns; a list screen keeps room for its note.
        #expect(ConsoleView.render(state, charset: .utf8).row(1).contains("4 Approvals ● 2 new"))
        state.screen = .runs
        let row = ConsoleView.render(state, charset: .utf8).row(1)
        #expect(row.contains("4 Appr●2"))
        for number in 1...6 { #expect(row.contains("\(number) ") || row.contains("[\(number) ")) }
        #expect(ConsoleView.render(state, charset: .ascii).row(1).contains("4 Appr*2"))
    }

    @Test("an approval that arrives while another screen is shown raises the badge and rings the bell; opening Approvals clears it")
    func badgeCountsArrivals() throws {
        let fixture = try ConsoleFixture()
        var options = ConsoleOptions(factoryName: "FUSION AI FACTORY · national", bell: true)
        options.localizer = .english
        var state = try fixture.state(width: 160, height: 48, options: options)
        #expect(state.newApprovals == 0)

        let runtime = RuntimeService(store: fixture.store, clock: FixedClock(ConsoleFixture.now))
        let run = try #require(try fixture.store.runs(RunQuery(states: [.running], limit: 1)).first)
        _ = try runtime.requestApproval(NewApproval(
            runID: run.id, subject: "Arrived just now", proposedAction: "act", rationale: "test", risk: .high,
            requiredApprovals: 2, requestedBy: "hydro-planner", requestedAt: ConsoleFixture.now,
            dueAt: ConsoleFixture.now.addingTimeInterval(60)
        ))
        let effects = state.update(.storeLoaded(try fixture.loader.read(state.needs, now: ConsoleFixture.now), at: ConsoleFixture.now))
        #expect(state.newApprovals == 1)
        #expect(effects.contains(.bell))
        #expect(ConsoleView.render(state, charset: .utf8).row(1).contains("4 Approvals ● 1 new"))

        // The same approvals read again are not new again.
        let again = state.update(.storeLoaded(try fixture.loader.read(state.needs, now: ConsoleFixture.now), at: ConsoleFixture.now))
        #expect(state.newApprovals == 1)
        #expect(!again.contains(.bell))
        _ = try fixture.press([.character("4")], on: &state)
        #expect(state.newApprovals == 0)
        #expect(!ConsoleView.render(state, charset: .utf8).row(1).contains("new"))
    }

    @Test("the status line shows the filter being typed with its cursor, and messages with their mark")
    func statusLine() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .approvals)
        _ = try fixture.press([.character("/")] + "eau".map { .character($0) }, on: &state)
        var grid = ConsoleView.render(state, charset: .utf8)
        #expect(grid.row(22).hasPrefix(" / eau"))
        #expect(grid.styleRow(22).contains("C"))
        #expect(grid.row(23).contains("Enter keep"))
        _ = try fixture.press([.enter], on: &state)
        state.status = StatusMessage("Approved A-1.", severity: .success, at: ConsoleFixture.now)
        grid = ConsoleView.render(state, charset: .utf8)
        #expect(grid.row(22).hasPrefix(" ✓ Approved A-1."))
        state.status = StatusMessage("Refused.", severity: .error, at: ConsoleFixture.now)
        #expect(ConsoleView.render(state, charset: .ascii).row(22).hasPrefix(" x Refused."))
        state.status = nil
        grid = ConsoleView.render(state, charset: .utf8)
        #expect(grid.row(22).contains("filter: eau"))
        #expect(grid.row(22).contains("sort: due ↑"))
    }

    @Test("the footer marks unavailable actions in words, not only in colour")
    func footer() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .approvals)
        var grid = ConsoleView.render(state, charset: .utf8)
        #expect(grid.row(23).hasPrefix(" a approve  r reject  Enter details  / filter  s sort  ? help  q quit"))
        state.identity.role = .operator
        grid = ConsoleView.render(state, charset: .utf8)
        #expect(grid.row(23).contains("a approve(n/a)"))
        #expect(grid.row(23).contains("? help"))
        #expect(grid.row(23).contains("q quit"))
    }
}
