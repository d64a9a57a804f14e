import Foundation
import FactoryTestSupport
import Testing

/// The dashboard of the real binary on a pseudo-terminal, over a test store, as an operator starts it.
struct DashboardSession {
    let terminal: PseudoTerminal

    /// Starts `fusion-console` (the dashboard) on `fixture`'s store as `account` (via root's `--as`), with
    /// `config` as its config file when given, and `extra` arguments.
    init(
        fixture: StoreFixture, account: String = "sup-eau", config: String? = nil, extra: [String] = [],
        columns: Int = 100, rows: Int = 30, locale: [String: String] = [:]
    ) throws {
        var environment = CLI.environment(home: fixture.folder, extra: ["TERM": "xterm-256color"].merging(locale) { $1 })
        // ncurses takes COLUMNS and LINES over the terminal's own size: leave them out.
        environment["COLUMNS"] = nil
        if let config {
            let path = fixture.folder.appendingPathComponent("console-\(UUID().uuidString).toml").path
            try Data(config.utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o600)
            environment["FUSION_CONSOLE_CONFIG"] = path
        }
        terminal = try PseudoTerminal(
            arguments: ["--store", fixture.path, "--as", account] + extra, environment: environment,
            columns: columns, rows: rows
        )
    }

    /// Waits for the first full screen (the tab row names the overview), then for the drawing to settle.
    func waitForFirstScreen(sourceLocation: SourceLocation = #_sourceLocation) async -> Bool {
        let drawn = await terminal.waitFor("Overview", timeout: .seconds(20))
        #expect(drawn, "the dashboard never drew its first screen: \(text)", sourceLocation: sourceLocation)
        await terminal.waitForQuiet()
        return drawn
    }

    /// Types `keys` one by one, letting the screen settle after each.
    func press(_ keys: [String], settle: Duration = .milliseconds(200)) async {
        for key in keys {
            terminal.type(key)
            await terminal.waitForQuiet(settle, timeout: .seconds(3))
        }
    }

    /// Everything written so far, decoded leniently (for failure messages).
    var text: String { String(decoding: terminal.bytes.suffix(4000), as: UTF8.self) }
}
