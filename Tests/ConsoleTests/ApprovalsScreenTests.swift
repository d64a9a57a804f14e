import ConsoleCore
import ConsoleRender
import FactoryModel
import Foundation
import Testing

@Suite("Approvals screen")
struct ApprovalsScreenTests {
    @Test("80x24: the list with its headings, the selection marked, the section note on the tab row")
    func standard() throws {
        let fixture = try ConsoleFixture()
        let state = try fixture.state(screen: .approvals)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "approvals-80x24")
        ScreenChecks.rowsFit(grid)
        ScreenChecks.noControls(grid)
        #expect(grid.row(1).contains("[4 Approvals]"))
        #expect(grid.row(1).contains("pending"))
        #expect(grid.row(2).contains("SUBJECT"))
        #expect(grid.row(3).hasPrefix("▶ "))
        let first = try #require(state.store?.approvals.row(at: 0))
        #expect(grid.row(3).contains(first.id.description))
    }

    @Test("160x48: more columns")
    func large() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(screen: .approvals, width: 160, height: 48), charset: .utf8)
        Golden.assertMatches(grid, named: "approvals-160x48")
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(2).contains("PROJECT"))
    }

    @Test("160x48 with the detail of a high-risk approval approved once: rationale, decisions, where, who asked")
    func detail() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .approvals, width: 160, height: 48)
        let index = try #require(ScreenChecks.approvalIndex(state) { $0.risk == .high && $0.approvers.count == 1 })
        _ = try fixture.press(Array(repeating: .down, count: index) + [.enter], on: &state)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "approvals-detail-160x48")
        ScreenChecks.rowsFit(grid)
        let detailTop = try #require(state.layout.detailTop)
        let approval = try #require(state.selectedApproval)
        #expect(grid.row(detailTop).contains(approval.id.description))
        #expect((detailTop..<state.layout.statusRow).contains { grid.row($0).contains("Rationale") })
        #expect((detailTop..<state.layout.statusRow).contains { grid.row($0).contains("✓ approved by \(approval.approvers[0])") })
    }

    @Test("80x24 with the detail open: every block gets a line")
    func smallDetail() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .approvals)
        _ = try fixture.press([.enter], on: &state)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "approvals-detail-80x24")
        ScreenChecks.rowsFit(grid)
        let detailTop = try #require(state.layout.detailTop)
        for label in ["Proposed", "Rationale", "Where", "Requested", "Decisions"] {
            #expect((detailTop..<state.layout.statusRow).contains { grid.row($0).contains(label) }, "\(label) missing")
        }
    }

    @Test("a filter that matches nothing says so, and how to clear it")
    func emptyFilter() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .approvals)
        _ = try fixture.press([.character("/")] + "zzzz-nothing".map { .character($0) } + [.enter], on: &state)
        let grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        #expect(grid.row(state.layout.listTop).contains("No approvals match the filter zzzz-nothing"))
        #expect(grid.row(state.layout.listTop + 1).contains("Esc clears it"))
    }
}
