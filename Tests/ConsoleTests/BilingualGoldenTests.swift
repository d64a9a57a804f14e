import ConsoleCore
import ConsoleRender
import Foundation
import Testing

/// Golden screens in both languages: the six screens at 80x24, the four action dialogs, the help and a detail
/// pane, each in English (the files every other test uses) and in French (`fr-…`). Re-record with
/// `FUSION_RECORD_SNAPSHOTS=1 swift test --filter BilingualGoldenTests`, then review the files under
/// `Tests/ConsoleTests/Snapshots/` (recording fails the test on purpose).
@Suite("Language: golden screens in English and French")
struct BilingualGoldenTests {
    @Test("each screen, dialog and overlay at 80x24 matches its golden file",
          arguments: BilingualScreens.goldenCases, [Language.english, .french])
    func golden(_ situation: BilingualScreens.Case, _ language: Language) throws {
        let fixture = try ConsoleFixture()
        let state = try situation.make(fixture, Localizer(language))
        let grid = ConsoleView.render(state, charset: .utf8)
        Golden.assertMatches(grid, named: BilingualScreens.golden(situation.name, language))
        ScreenChecks.rowsFit(grid)
        ScreenChecks.noControls(grid)
    }

    @Test("the French overview speaks French and keeps ids, times and numbers as they are")
    func frenchOverview() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(localizer: .french), charset: .utf8)
        #expect(grid.row(0).contains("03:12:45 UTC"))
        #expect(grid.row(0).contains("(superviseur)"))
        #expect(grid.row(0).contains("base ✓"))
        #expect(grid.row(1).contains("[1 Synthèse]"))
        #expect(ScreenChecks.row(containing: "Capacité", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "En attente d'un humain", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "? aide", in: grid) == 23)
        #expect(ScreenChecks.row(containing: "q quitter", in: grid) == 23)
    }

    @Test("the French approve dialog says what happens, with its buttons and the focus on the safe one")
    func frenchDialog() throws {
        let fixture = try ConsoleFixture()
        var state = try BilingualScreens.onHighRiskApproval(fixture, .french)
        _ = try fixture.press([.character("a")], on: &state)
        let grid = ConsoleView.render(state, charset: .utf8)
        let buttons = try #require(ScreenChecks.row(containing: "Retour", in: grid))
        #expect(grid.row(buttons).contains("[▶Retour◀]"))
        #expect(grid.row(buttons).contains("[ Approuver ]"))
        #expect(ScreenChecks.row(containing: "second de deux approbateurs", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "Motif (facultatif) :", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "Approuver A-", in: grid) != nil)
    }
}
