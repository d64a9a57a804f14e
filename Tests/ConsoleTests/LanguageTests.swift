import ConsoleCore
import ConsoleRender
import FactoryModel
import Foundation
import SafeText
import Testing

/// Choosing the language, filling templates, and French on a terminal that is not UTF-8.
@Suite("Language: choice, templates, non-UTF-8 terminals")
struct LanguageTests {
    @Test("LC_ALL, then LC_MESSAGES, then LANG decide; any fr… locale is French, anything else English")
    func detection() {
        #expect(Language.detect(environment: ["LANG": "fr_MA.UTF-8"]) == .french)
        #expect(Language.detect(environment: ["LANG": "fr_FR.ISO-8859-1"]) == .french)
        #expect(Language.detect(environment: ["LANG": "fr_FR@euro"]) == .french)
        #expect(Language.detect(environment: ["LANG": "fr"]) == .french)
        #expect(Language.detect(environment: ["LANG": "ar_MA.UTF-8"]) == .english)
        #expect(Language.detect(environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(Language.detect(environment: ["LANG": "C.UTF-8"]) == .english)
        #expect(Language.detect(environment: [:]) == .english)
        #expect(Language.detect(environment: ["LANG": "fr_MA.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"]) == .english)
        #expect(Language.detect(environment: ["LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_MA.UTF-8"]) == .french)
        #expect(Language.detect(environment: ["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "fr_MA.UTF-8"]) == .english)
        #expect(Language.detect(environment: ["LC_ALL": "fr_MA.UTF-8", "LANG": "en_US.UTF-8"]) == .french)
        #expect(Language.detect(environment: ["LC_ALL": "", "LANG": "fr_MA.UTF-8"]) == .french)
        // LANGUAGE's first entry, unless the locale is C.
        #expect(Language.detect(environment: ["LANG": "en_US.UTF-8", "LANGUAGE": "fr:en"]) == .french)
        #expect(Language.detect(environment: ["LANG": "fr_MA.UTF-8", "LANGUAGE": "en"]) == .english)
        #expect(Language.detect(environment: ["LANG": "C", "LANGUAGE": "fr"]) == .english)
    }

    @Test("a setting overrides the locale; auto asks it; nonsense is refused")
    func settings() {
        let french = ["LANG": "fr_MA.UTF-8"]
        #expect(Language.resolve("en", environment: french) == .english)
        #expect(Language.resolve("fr", environment: [:]) == .french)
        #expect(Language.resolve("auto", environment: french) == .french)
        #expect(Language.resolve(nil, environment: french) == .french)
        #expect(Language.resolve("de", environment: french) == nil)
    }

    @Test("templates keep English as written, fill French in order or by position, and flag what is missing")
    func templates() {
        let count = 3
        let id = "A-4821"
        #expect(Localizer.english("\(count) pending") == "3 pending")
        #expect(Localizer.french("\(count) pending") == "3 en attente")
        #expect(Localizer.french("Move \(id) from \("dakhla-gpu")?") == "Déplacer A-4821 depuis dakhla-gpu ?")
        #expect(UIText.fill("{2} puis {1}", with: ["a", "b"]) == "b puis a")
        #expect(UIText.fill("{} et {}", with: ["a"]) == "a et {}")
        #expect(Localizer.french("no such text \(count)") == "no such text 3")
        #expect(Localizer(.french, marksMissing: true)("no such text") == "⟦no such text⟧")
        #expect(Localizer(.english, marksMissing: true)("no such text") == "no such text")
    }

    @Test("French counts and ages: singular below two, French units, ids and ISO times unchanged")
    func formats() throws {
        let fixture = try ConsoleFixture()
        let grid = ConsoleView.render(try fixture.state(screen: .runs, localizer: .french), charset: .utf8)
        #expect(grid.row(1).contains("414 exécutions"))
        #expect(grid.row(2).contains("IL Y A") || grid.row(2).contains("SOUMISE"))
        #expect(ScreenChecks.row(containing: "il y a ", in: grid) != nil)
        #expect(ScreenChecks.row(containing: "R-", in: grid) != nil)
    }

    @Test("LANG=fr_FR.ISO-8859-1: French, in ASCII, accents degraded, every row still fits")
    func latin1Terminal() throws {
        let environment = ["LANG": "fr_FR.ISO-8859-1"]
        let charset = TerminalCharset.detect(environment: environment)
        #expect(charset == .ascii)
        let language = Language.detect(environment: environment)
        #expect(language == .french)
        let fixture = try ConsoleFixture()
        for screen in Screen.allCases {
            let grid = ConsoleView.render(try fixture.state(screen: screen, localizer: Localizer(language)), charset: charset)
            #expect(ScreenChecks.isPureASCII(grid), "\(screen) is not pure ASCII")
            ScreenChecks.rowsFit(grid)
        }
        var state = try BilingualScreens.onHighRiskApproval(fixture, Localizer(language))
        _ = try fixture.press([.character("a")], on: &state)
        let dialog = ConsoleView.render(state, charset: charset)
        #expect(ScreenChecks.isPureASCII(dialog))
        #expect(ScreenChecks.row(containing: "Approuver", in: dialog) != nil)
        let overview = ConsoleView.render(try fixture.state(localizer: Localizer(language)), charset: charset)
        #expect(ScreenChecks.row(containing: "Capacite", in: overview) != nil, "é degrades to e")
        #expect(overview.row(1).contains("[1 Synthese]"))
    }

    @Test("the : command accepts the French screen names too")
    func frenchCommands() {
        #expect(Screen.named("synth") == .overview)
        #expect(Screen.named("exécutions") == .runs)
        #expect(Screen.named("executions") == .runs)
        #expect(Screen.named("décisions") == .approvals)
        #expect(Screen.named("runs") == .runs)
        #expect(Screen.named("inst") == .institutes)
        #expect(Screen.named("nœuds") == .nodes)
        #expect(Screen.named("noeuds") == .nodes, "œ may be typed oe")
    }

    @Test("the key map's warnings read in French, keeping the command names of [keys]")
    func keyMapWarningsInFrench() throws {
        let configured = try KeyMap.configured(["refresh": ["ctrl-b"]], environment: ["TMUX": "/tmp/t,1,0"])
        let french = configured.warnings.map { Localizer.french.message($0) }
        #expect(french.contains("La touche Ctrl-B lance désormais refresh ([keys]) ; elle ne lance plus page_up."), "\(french)")
        #expect(french.contains { $0.hasPrefix("Ctrl-B lance refresh, mais c'est la touche préfixe de tmux : vous êtes dans tmux") },
                "\(french)")
        #expect(french.count == configured.warnings.count)
        for (english, translated) in zip(configured.warnings, french) { #expect(english != translated, "still English: \(english)") }
    }

    @Test("the : command takes the oversight commands and the screen names, French ones included")
    func commandLineMixes() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .overview, localizer: .french)
        _ = try fixture.press([.character(":")] + "décisions".map { .character($0) } + [.enter], on: &state)
        #expect(state.screen == .approvals)
        _ = try fixture.press([.character(":")] + "pause pool dakhla-gpu".map { .character($0) } + [.enter], on: &state)
        guard case .dialog(let dialog) = state.mode else {
            Issue.record(":pause did not open its dialog: \(String(describing: state.status))")
            return
        }
        #expect(dialog.kind == .pause)
        #expect(dialog.title == "Mettre en pause le pool dakhla-gpu ?")
        _ = try fixture.press([.escape], on: &state)
        _ = try fixture.press([.character(":")] + "nimporte".map { .character($0) } + [.enter], on: &state)
        #expect(state.status?.text.contains(":pause") == true)
        #expect(state.status?.text.hasPrefix("Commande inconnue") == true)
    }
}

/// The action gate writes its sentences in English (the command line shows them); the dashboard shows them in
/// French by their form.
@Suite("Language: the gate's sentences in the status line")
struct GateSentenceTests {
    @Test("receipts and refusals of known forms are translated with their values; others stay as they came")
    func sentences() {
        let tr = Localizer.french
        #expect(tr.message("Cancelled R-190415.") == "R-190415 annulée.")
        #expect(tr.message("Moved R-1 from dakhla-gpu to rabat-gpu.") == "R-1 déplacée de dakhla-gpu vers rabat-gpu.")
        #expect(tr.message("Approved A-4837: the run may now act on it (2 of 2 approvals).")
            == "A-4837 approuvée : l'exécution peut maintenant l'appliquer (2 accords sur 2).")
        #expect(tr.message("A-1 is already rejected by sup-eau at 2026-11-23T03:00:00Z; nothing changed.")
            == "A-1 est déjà rejetée par sup-eau le 2026-11-23T03:00:00Z ; rien n'a changé.")
        #expect(tr.message("A-1 is already approved by sup-eau at 2026-11-23T03:00:00Z; nothing changed.")
            == "A-1 est déjà approuvée par sup-eau le 2026-11-23T03:00:00Z ; rien n'a changé.")
        #expect(tr.message("Something new happened.") == "Something new happened.")
        #expect(Localizer.english.message("Cancelled R-190415.") == "Cancelled R-190415.")
        #expect(UIText.match("{} of {}", "1 of 2") == ["1", "2"])
        #expect(UIText.match("Moved {}.", "Cancelled R-1.") == nil)
    }

    @Test("an action's outcome reaches the French status line in French")
    func outcome() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs, localizer: .french)
        _ = state.update(.actionFinished(.done("Cancelled R-190415.")))
        #expect(state.status?.text == "R-190415 annulée.")
    }
}
