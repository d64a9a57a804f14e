import Foundation
import Testing
import FactoryTestSupport

/// The command line in a French locale: table headings and its messages in French, the same exit codes, the
/// table's data (ids, states) unchanged; JSON is never translated.
@Suite("The command line in French")
struct FrenchCommandLineTests {
    let fixture: StoreFixture

    init() throws {
        fixture = try StoreFixture()
    }

    private func env(_ lang: String) -> [String: String] {
        CLI.environment(home: fixture.folder, extra: ["LANG": lang])
    }

    @Test("headings and errors follow LANG=fr_MA.UTF-8; the exit codes do not change")
    func french() throws {
        _ = try fixture.makeRun(state: .running)
        let runs = try CLI.run(["runs", "--store", fixture.path], environment: env("fr_MA.UTF-8"))
        #expect(runs.status == 0)
        #expect(runs.stdout.hasPrefix("ID"))
        #expect(runs.stdout.contains("ÉTAT") && runs.stdout.contains("TITRE"))
        #expect(runs.stdout.contains("running"), "the states are data and stay as scripts read them")
        let missing = try CLI.run(["cancel", "R-999999", "--reason", "x", "--store", fixture.path], environment: env("fr_MA.UTF-8"))
        #expect(missing.status == 5)
        #expect(missing.stderr.contains("Il n'y a pas d'exécution R-999999"))
        let usage = try CLI.run(["cancel", "X", "--reason", "x", "--store", fixture.path], environment: env("fr_MA.UTF-8"))
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("n'est pas un identifiant d'exécution"))
    }

    @Test("an English locale keeps English; JSON is the same in both; fr_FR.ISO-8859-1 gets French in ASCII")
    func englishAndAscii() throws {
        let english = try CLI.run(["runs", "--store", fixture.path], environment: env("C.UTF-8"))
        #expect(english.stdout.hasPrefix("ID") && english.stdout.contains("STATE"))
        let jsonEnglish = try CLI.run(["runs", "--json", "--store", fixture.path], environment: env("C.UTF-8"))
        let jsonFrench = try CLI.run(["runs", "--json", "--store", fixture.path], environment: env("fr_MA.UTF-8"))
        #expect(jsonEnglish.stdout == jsonFrench.stdout)
        let latin = try CLI.run(["cancel", "X", "--reason", "x", "--store", fixture.path], environment: env("fr_FR.ISO-8859-1"))
        #expect(latin.stderr.contains("identifiant d'execution"))
        #expect(latin.stderr.unicodeScalars.allSatisfy { $0.isASCII })
    }
}
