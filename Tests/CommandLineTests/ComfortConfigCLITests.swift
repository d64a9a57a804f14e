import Foundation
import Testing
import FactoryTestSupport

/// The dashboard's `[keys]` and `[banner]` checked before anything is drawn: a wrong name stops with exit 64 and
/// says what to write; warnings reach standard error (and the log) before the dashboard would open.
@Suite("Command line: key map and banner checks at start-up")
struct ComfortConfigCLITests {
    let fixture: StoreFixture
    let env: [String: String]

    init() throws {
        fixture = try StoreFixture()
        env = CLI.environment(home: fixture.folder)
    }

    private func dashboard(config: String, extra: [String: String] = [:]) throws -> CLI.Result {
        let path = fixture.folder.appendingPathComponent("config-\(UUID().uuidString).toml").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(config.utf8), attributes: [.posixPermissions: 0o600])
        var environment = env
        environment.merge(extra) { $1 }
        return try CLI.run(["dashboard", "--store", fixture.path, "--config", path], environment: environment)
    }

    @Test("an unknown command in [keys] exits 64, naming the file and the command meant")
    func unknownCommand() throws {
        let result = try dashboard(config: "[keys]\naprove = \"A\"\n")
        #expect(result.status == 64)
        #expect(result.stderr.contains("[keys] aprove is not a command. Did you mean approve?"))
        #expect(result.stderr.contains(".toml"))
    }

    @Test("an unknown key name or banner colour exits 64 with what to write instead")
    func unknownKeyAndColour() throws {
        let key = try dashboard(config: "[keys]\nhelp = \"ctrl-?\"\n")
        #expect(key.status == 64 && key.stderr.contains("is not a key name"))
        let colour = try dashboard(config: "[banner]\ntext = \"PROD\"\nbackground = \"pink\"\n")
        #expect(colour.status == 64 && colour.stderr.contains("is not a colour"))
    }

    @Test("conflicts and multiplexer keys are printed on standard error and logged before the terminal is needed")
    func warningsFirst() throws {
        let result = try dashboard(config: "[keys]\napprove = \"z\"\nreject = \"z\"\nrefresh = \"ctrl-a\"\n", extra: ["STY": "42.pts-1.host"])
        // Without a terminal the dashboard cannot open, but the warnings came first.
        #expect(result.status != 0)
        #expect(result.stderr.contains("warning: Key z is bound to both approve and reject"))
        #expect(result.stderr.contains("Ctrl-A runs refresh, but it is screen's prefix key: you are inside screen"))
        let log = fixture.folder.appendingPathComponent("state/fusion-console/console.log").path
        let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(logged.contains("Key z is bound to both approve and reject"))
    }
}
