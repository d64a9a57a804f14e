import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// The dashboard of the real binary on a pseudo-terminal: the proof is in the bytes written to the terminal.
@Suite("Hostile text on the dashboard, byte by byte", .enabled(if: geteuid() == 0, "acts for test accounts with --as, which needs root"), .enabled(if: !TestStoreBackend.current.isPostgres, "reads and damages the SQLite file itself"))
struct DashboardHostileTextTests {
    /// Every screen, every detail pane, the help and the approve dialog, over a store and a registry whose every
    /// displayed field is hostile: no escape sequence, C1 control, bidi or zero-width character reaches the
    /// terminal; each shows as a visible placeholder instead.
    @Test func hostileTextNeverReachesTheTerminalAsControl() async throws {
        let fixture = try StoreFixture()
        let approval = try Hostile.seed(fixture)
        let registry = try StubRegistry(.serve(try StubRegistry.document(
            name: Hostile.field("NN"), site: Hostile.field("NS"), pool: Hostile.field("NP"), model: Hostile.field("NM")
        )))
        defer { registry.stop() }
        // A config file cannot hold C0 or C1 controls (the loader refuses them); bidi and zero-width characters it can.
        let config = """
            [console]
            factory_name = "FN\\u202Eevil\\u2066FN\\u200BFN\\uFEFF"
            """
        let session = try DashboardSession(fixture: fixture, config: config, extra: ["--registry", registry.url, "--refresh", "1"])
        let terminal = session.terminal
        defer { terminal.close() }
        guard await session.waitForFirstScreen() else { return }

        var visited: [String: Bool] = [:]
        func visit(_ name: String, _ keys: [String], shows marker: String) async {
            let before = terminal.count
            await session.press(keys)
            visited[name] = await terminal.waitFor(marker, after: before, timeout: .seconds(5))
        }
        visited["overview"] = await terminal.waitFor("SJ␛[2J")
        await visit("nodes", ["2", TerminalKeys.enter], shows: "NN␛[2J")
        await session.press([TerminalKeys.escape])
        await visit("runs", ["3", TerminalKeys.enter], shows: "RT␛[2J")
        await session.press([TerminalKeys.escape])
        await visit("approvals", ["4", TerminalKeys.enter], shows: "RA␛[2J")
        await visit("dialog", ["a"], shows: "Approve \(approval)?")
        await session.press([TerminalKeys.escape])
        await session.press([TerminalKeys.escape])
        await visit("institutes", ["5", TerminalKeys.enter], shows: "IN␛[2J")
        await session.press([TerminalKeys.escape])
        await visit("audit", ["6", TerminalKeys.enter], shows: "AA␛[2J")
        await session.press([TerminalKeys.escape, "?"])
        await session.press(["q", ":", "q", TerminalKeys.enter])
        let ending = await terminal.waitForExit(timeout: .seconds(10))
        #expect(ending?.exitCode == 0, "the dashboard did not quit cleanly: \(String(describing: ending))")
        for (name, seen) in visited.sorted(by: { $0.key < $1.key }) {
            #expect(seen, "the \(name) screen never showed its hostile field as a placeholder")
        }

        let output = terminal.bytes
        let problems = TerminalBytes.problems(in: output, labels: [
            "FN", "IN", "IR", "PN", "PM", "AG", "RT", "SB", "ND", "SJ", "PA", "RA", "RB", "RQ", "AA", "AV", "AC", "AS", "AD",
            "AK", "NN", "NS", "NP", "NM",
        ])
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(terminal.isCooked, "the terminal was left in raw mode")
        HardeningFigures.record(hostileInputs: Hostile.payloads.count * 24 + 2)
    }
}
