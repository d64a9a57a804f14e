import ConsoleCore
import ConsoleRender
import FactoryModel
import Foundation
import Testing

@Suite("Action dialog")
struct ActionDialogViewTests {
    /// The supervisor at the console: in the demo, sup-national already approved or submitted every high-risk
    /// approval that holds one of its two approvals, so another supervisor decides.
    static let account = "sup-energie"

    /// The approvals screen with the first high-risk approval that holds one of its two approvals selected.
    static func onHighRiskApproval(_ fixture: ConsoleFixture) throws -> ConsoleState {
        var state = try fixture.state(screen: .approvals, account: account)
        let index = try #require(ScreenChecks.approvalIndex(state) {
            $0.state == .pending && $0.risk == .high && $0.requiredApprovals == 2 && $0.approvers.count == 1
                && !$0.approvers.contains(account) && $0.runSubmittedBy != account && $0.requestedBy != account
        })
        _ = try fixture.press(Array(repeating: .down, count: index), on: &state)
        return state
    }

    @Test("approve: what will happen, the optional reason, focus on Cancel")
    func approve() throws {
        let fixture = try ConsoleFixture()
        var state = try Self.onHighRiskApproval(fixture)
        _ = try fixture.press([.character("a")], on: &state)
        guard case .dialog(let dialog) = state.mode else {
            Issue.record("no dialog: \(String(describing: state.status))")
            return
        }
        #expect(dialog.focus == .cancelButton)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "dialog-approve-80x24")
        ScreenChecks.rowsFit(grid)
        ScreenChecks.noControls(grid)
        let buttons = try #require(ScreenChecks.row(containing: "Cancel", in: grid))
        #expect(grid.row(buttons).contains("[▶Cancel◀]"))
        #expect(grid.row(buttons).contains("[ Approve ]"))
        #expect(ScreenChecks.row(containing: "second of two approvers", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "Reason (optional):", in: grid) != nil)
        let cancel = try #require(grid.row(buttons).range(of: "[▶Cancel◀]"))
        let column = grid.row(buttons).distance(from: grid.row(buttons).startIndex, to: cancel.lowerBound)
        #expect(grid[column, buttons].style == .dialogFocus)
    }

    @Test("reject: a typed reason with é and ⵜ, its cursor, and the required-reason problem")
    func reject() throws {
        let fixture = try ConsoleFixture()
        var state = try Self.onHighRiskApproval(fixture)
        _ = try fixture.press([.character("r")] + "Données incomplètes ⵜⴰⵎⴰⵣⵉⵖⵜ".map { .character($0) }, on: &state)
        guard case .dialog(let dialog) = state.mode else {
            Issue.record("no dialog")
            return
        }
        #expect(dialog.focus == .reason)
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: "dialog-reject-80x24")
        ScreenChecks.rowsFit(grid)
        let reason = try #require(ScreenChecks.row(containing: "Reason (required):", in: grid))
        #expect(grid.row(reason).contains("▶ Reason (required): Données incomplètes ⵜⴰⵎⴰⵣⵉⵖⵜ"))
        #expect(grid.styleRow(reason).contains("C"))
    }

    @Test("confirming without the required reason shows the problem in the dialog; sending shows Sending…")
    func problemAndSending() throws {
        let fixture = try ConsoleFixture()
        var state = try Self.onHighRiskApproval(fixture)
        _ = try fixture.press([.character("r"), .tab, .enter], on: &state)  // Cancel → Reject, pressed
        var grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        let problem = try #require(ScreenChecks.row(containing: "A reason is required", in: grid))
        #expect(grid.styleRow(problem).contains("w"))
        _ = try fixture.press("checked".map { .character($0) } + [.tab, .tab, .enter], on: &state)  // reason → Cancel → Reject
        grid = ConsoleView.render(state, charset: .utf8)
        #expect(ScreenChecks.row(containing: "Sending…", in: grid) != nil)
    }

    @Test("reroute lists the pools with the highlighted one marked")
    func reroute() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs)
        var dialog: ActionDialog? = nil
        for _ in 0..<30 {
            _ = try fixture.press([.character("m")], on: &state)
            if case .dialog(let opened) = state.mode {
                dialog = opened
                break
            }
            _ = try fixture.press([.down], on: &state)
        }
        let opened = try #require(dialog)
        #expect(opened.focus == .cancelButton)
        _ = try fixture.press([.tab, .tab, .down], on: &state)  // Cancel → Move → the pools; then the second pool
        let grid = ConsoleView.render(state, charset: .utf8)
        ScreenChecks.rowsFit(grid)
        ScreenChecks.noControls(grid)
        let label = try #require(ScreenChecks.row(containing: "Move to (2 of", in: grid))
        #expect(grid.row(label).contains("▶ Move to"))
        #expect(grid.row(label + 2).contains("▶ "))
        #expect(grid.styleRow(label + 2).contains("F"))
    }
}
