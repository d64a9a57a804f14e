import ConsoleCore
import ConsoleRender
import Foundation
import Testing

/// The classification line: a full-width first row on every screen, in its own style, sanitised, and the rest of
/// the console still laid out in 80x24.
@Suite("Classification line")
struct ClassificationBannerTests {
    private func options(_ text: String) -> ConsoleOptions {
        var options = ConsoleOptions(factoryName: "FUSION AI FACTORY · national")
        options.classification = text
        return options
    }

    @Test("overview at 80x24 under the classification line")
    func overview() throws {
        let fixture = try ConsoleFixture()
        let state = try fixture.state(options: options("DAKHLA · PRODUCTION · RESTRICTED"))
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "classification-overview-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(0).trimmingCharacters(in: .whitespaces) == "DAKHLA · PRODUCTION · RESTRICTED")
        #expect(grid.styleRow(0) == String(repeating: "L", count: 80))
        #expect(grid.row(1).contains("03:12:45 UTC"))
        #expect(grid.row(23).contains("? help"))
    }

    @Test("runs at 80x24 with the detail open: the list pages by the rows it really has")
    func runsDetail() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs, options: options("STAGING · NOUACEUR"))
        let plain = try fixture.state(screen: .runs)
        #expect(state.layout.listRows == plain.layout.listRows - 1)
        _ = try fixture.press([.enter], on: &state)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "classification-runs-detail-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(0).contains("STAGING · NOUACEUR"))
        #expect(grid.row(state.layout.statusRow + 1).contains("Enter closes") || grid.row(23).contains("details"))
    }

    @Test("hostile text in the config never reaches the terminal as control characters")
    func sanitised() throws {
        let fixture = try ConsoleFixture()
        let state = try fixture.state(options: options("PROD\u{1B}[2J\u{202E}\u{7} · SECRET"))
        let grid = ConsoleView.render(state, charset: .utf8)
        let row = grid.row(0)
        #expect(!row.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
        #expect(row.contains("SECRET"))
    }

    @Test("a text longer than the screen is cut with an ellipsis, in ASCII too")
    func longText() throws {
        let fixture = try ConsoleFixture()
        let state = try fixture.state(options: options(String(repeating: "PRODUCTION ", count: 12)))
        let grid = ConsoleView.render(state, charset: .ascii)
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(0).hasSuffix("~ "))
    }

    @Test("its own style: bold reverse in the built-in themes, the [banner] colours when given")
    func style() {
        for theme in Theme.builtIn {
            #expect(theme[.classification].attributes.contains(.reverse), "\(theme.name)")
        }
        let red = Theme.default.replacing(.classification, with: TerminalStyle(foreground: .ansi(7), background: .ansi(1), attributes: [.bold]))
        #expect(red[.classification].background == .ansi(1))
        #expect(red[.banner] == Theme.default[.banner])
        #expect(Theme.fallback8(from: Theme.default.replacing(
            .classification, with: TerminalStyle(foreground: .indexed(231), background: .indexed(160), attributes: [])))[.classification]
            .background.isColor)
    }
}

/// Every screen, list and detail, under the classification line at 80x24: nothing spills, the header and footer keep
/// their rows, and paging uses the rows really shown.
@Suite("Classification line: every screen fits 80x24")
struct ClassificationLayoutTests {
    @Test("each screen with and without its detail pane", arguments: Screen.allCases)
    func fits(_ screen: Screen) throws {
        let fixture = try ConsoleFixture()
        var options = ConsoleOptions(factoryName: "FUSION AI FACTORY · national")
        options.classification = "RABAT · PRODUCTION · DIFFUSION RESTREINTE"
        var state = try fixture.state(screen: screen, options: options)
        for keys: [Key] in [[], [.enter], [.character("?")], [.escape, .character("@")]] {
            _ = try fixture.press(keys, on: &state)
            let grid = ConsoleView.render(state, charset: .utf8)
            ScreenChecks.rowsFit(grid)
            #expect(grid.row(0).contains("RABAT · PRODUCTION · DIFFUSION RESTREINTE"))
            #expect(grid.row(1).contains("03:12:45"), "header moved on \(screen)")
            #expect(state.layout.footerRow == 22, "footer row on \(screen)")
            #expect(!grid.row(23).trimmingCharacters(in: .whitespaces).isEmpty, "empty footer on \(screen)")
        }
    }
}
