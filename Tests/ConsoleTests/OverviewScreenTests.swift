import ConsoleCore
import ConsoleRender
import FactoryModel
import Foundation
import Testing

@Suite("Overview screen")
struct OverviewScreenTests {
    @Test("80x24: capacity, waiting approvals, queue and institutes fit the smallest terminal")
    func standard() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(), charset: .utf8)
        Golden.assertMatches(grid, named: "overview-80x24")
        ScreenChecks.rowsFit(grid)
        ScreenChecks.noControls(grid)
        #expect(grid.row(0).contains("03:12:45 UTC"))
        #expect(grid.row(0).contains("sup-national (supervisor)"))
        #expect(ScreenChecks.row(containing: "Capacity", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "Waiting for a human", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "!! HIGH", in: grid) != nil)
    }

    @Test("160x48: two columns, every pending approval and the institutes in trouble")
    func large() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(width: 160, height: 48), charset: .utf8)
        Golden.assertMatches(grid, named: "overview-160x48")
        ScreenChecks.rowsFit(grid)
        ScreenChecks.noControls(grid)
    }

    @Test("every site's capacity on tall terminals (up/total, meter, history, memory); as many as fit, then how many more")
    func sites() throws {
        let fixture = try ConsoleFixture()
        let tall = ConsoleView.render(try fixture.state(width: 160, height: 48), charset: .utf8)
        let dakhla = try #require(ScreenChecks.row(containing: "Dakhla      GPU   16/ 16", in: tall).map { tall.row($0) })
        #expect(dakhla.contains("75%") && dakhla.contains("vram 63%"), "\(dakhla)")
        let tata = try #require(ScreenChecks.row(containing: "Tata        Edge   0/  3", in: tall))
        #expect(tall.styleRow(tata).contains("wwwwwww"), "a site with nodes down is marked")
        #expect(ScreenChecks.row(containing: "more sites", in: tall) == nil, "all 15 sites of a kind fit at 160x48")

        let narrow = ConsoleView.render(try fixture.state(width: 100, height: 40), charset: .utf8)
        #expect(ScreenChecks.row(containing: "+12 more sites: 2 Nodes", in: narrow) != nil, "\(narrow.text)")
        ScreenChecks.rowsFit(narrow)
        let small = ConsoleView.render(try fixture.state(), charset: .utf8)
        #expect(ScreenChecks.row(containing: "Dakhla      GPU", in: small) == nil, "no site lines below 40 rows")
    }

    @Test("without a registry the capacity section says so plainly")
    func noRegistry() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(registry: false), charset: .utf8)
        Golden.assertMatches(grid, named: "overview-no-registry-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(ScreenChecks.row(containing: "No node registry configured", in: grid) != nil)
        #expect(grid.row(0).contains("registry — none"))
    }

    @Test("a stale registry is marked on the capacity rule and in the header")
    func staleRegistry() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state()
        state.registry.status.lastSuccess = ConsoleFixture.now.addingTimeInterval(-42)
        let grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(0).contains("registry ✗ stale 42s"))
        let rule = try #require(ScreenChecks.row(containing: "Capacity", in: grid))
        #expect(grid.row(rule).contains("registry ✗ stale 42s"))
    }

    @Test("in the C locale (ASCII) the overview is pure ASCII")
    func ascii() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(), charset: .ascii)
        Golden.assertMatches(grid, named: "overview-ascii-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(ScreenChecks.isPureASCII(grid))
    }

    @Test("a read-only session shows its banner and marks the actions unavailable")
    func readOnly() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(readOnly: true), charset: .utf8)
        Golden.assertMatches(grid, named: "overview-read-only-80x24")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(1).contains("READ-ONLY SESSION"))
        #expect(grid.row(23).contains("a approve(n/a)"))
    }
}
