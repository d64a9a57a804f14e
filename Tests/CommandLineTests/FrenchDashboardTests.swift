import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// The real binary on a pseudo-terminal picks its language as an operator would: from the locale, the config, or
/// `--language`; in a non-UTF-8 French locale it speaks French in ASCII.
@Suite("The dashboard in French", .enabled(if: geteuid() == 0, "acts for test accounts with --as, which needs root"))
struct FrenchDashboardTests {
    /// Starts the dashboard, waits for `marker`, shows the help, then quits; returns what the terminal received.
    private func session(
        locale: [String: String], config: String? = nil, extra: [String] = [], marker: String, help: String
    ) async throws -> [UInt8] {
        let fixture = try StoreFixture()
        let session = try DashboardSession(fixture: fixture, config: config, extra: extra, columns: 80, rows: 24, locale: locale)
        let terminal = session.terminal
        defer { terminal.close() }
        let drawn = await terminal.waitFor(marker, timeout: .seconds(20))
        #expect(drawn, "never showed \(marker): \(session.text)")
        await terminal.waitForQuiet()
        let before = terminal.count
        await session.press(["?"])
        #expect(await terminal.waitFor(help, after: before, timeout: .seconds(5)), "the help did not show \(help)")
        await session.press([TerminalKeys.escape, "q"])
        let ending = await terminal.waitForExit(timeout: .seconds(10))
        #expect(ending?.exitCode == 0, "the dashboard did not quit cleanly: \(String(describing: ending))")
        return Array(terminal.bytes)
    }

    @Test("LANG=fr_MA.UTF-8: the tabs, the footer and the help are French")
    func frenchLocale() async throws {
        let text = String(decoding: try await session(locale: ["LANG": "fr_MA.UTF-8"], marker: "Synthèse", help: "Touches"), as: UTF8.self)
        #expect(text.contains("quitter"))
        #expect(!text.contains("Overview"))
    }

    @Test("LC_MESSAGES=fr_FR.UTF-8 over LANG=C.UTF-8 gives French; --language en wins over the locale")
    func precedence() async throws {
        _ = try await session(locale: ["LC_MESSAGES": "fr_FR.UTF-8"], marker: "Synthèse", help: "Touches")
        _ = try await session(locale: ["LANG": "fr_MA.UTF-8"], extra: ["--language", "en"], marker: "Overview", help: "Keys")
    }

    @Test("[console] language = \"fr\" in the config gives French in an English locale")
    func configuredFrench() async throws {
        _ = try await session(locale: [:], config: "[console]\nlanguage = \"fr\"\n", marker: "Synthèse", help: "Touches")
    }

    @Test("LANG=fr_FR.ISO-8859-1: French words in plain ASCII, nothing but ASCII sent")
    func latin1() async throws {
        let bytes = try await session(locale: ["LANG": "fr_FR.ISO-8859-1"], marker: "Synthese", help: "Touches")
        #expect(!bytes.contains { $0 >= 0x80 }, "non-ASCII bytes reached an ASCII terminal")
    }
}
