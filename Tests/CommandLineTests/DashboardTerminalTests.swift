import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// The dashboard of the real binary on a pseudo-terminal: the proof is in the bytes written to the terminal.
@Suite("The dashboard on a real pseudo-terminal", .enabled(if: geteuid() == 0, "acts for test accounts with --as, which needs root"))
struct DashboardTerminalTests {
    /// Every screen, every detail pane, the help and the approve dialog, over a store and a registry whose every
    /// displayed field is hostile: no escape sequence, C1 control, bidi or zero-width character reaches the
    /// terminal; each shows as a visible placeholder instead.
    @Test func hostileTextNeverReachesTheTerminalAsControl() throws {
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
        guard session.waitForFirstScreen() else { return }

        var visited: [String: Bool] = [:]
        func visit(_ name: String, _ keys: [String], shows marker: String) {
            let before = terminal.count
            session.press(keys)
            visited[name] = terminal.waitFor(marker, after: before, timeout: .seconds(5))
        }
        visited["overview"] = terminal.waitFor("SJ␛[2J")
        visit("nodes", ["2", TerminalKeys.enter], shows: "NN␛[2J")
        session.press([TerminalKeys.escape])
        visit("runs", ["3", TerminalKeys.enter], shows: "RT␛[2J")
        session.press([TerminalKeys.escape])
        visit("approvals", ["4", TerminalKeys.enter], shows: "RA␛[2J")
        visit("dialog", ["a"], shows: "Approve \(approval)?")
        session.press([TerminalKeys.escape])
        session.press([TerminalKeys.escape])
        visit("institutes", ["5", TerminalKeys.enter], shows: "IN␛[2J")
        session.press([TerminalKeys.escape])
        visit("audit", ["6", TerminalKeys.enter], shows: "AA␛[2J")
        session.press([TerminalKeys.escape, "?"])
        session.press(["q", ":", "q", TerminalKeys.enter])
        let ending = terminal.waitForExit(timeout: .seconds(10))
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

    /// A registry that accepts the connection and never answers: the loop still answers every key at once, and
    /// the registry is marked down once the request times out.
    @Test func keysAreAnsweredWithinAFrameWhileTheRegistryHangs() throws {
        let fixture = try StoreFixture()
        try Hostile.seed(fixture)
        let registry = try StubRegistry(.hang)
        defer { registry.stop() }
        let config = """
            [registry]
            connect_timeout = 1
            timeout = 3
            """
        let session = try DashboardSession(fixture: fixture, config: config, extra: ["--registry", registry.url, "--refresh", "1"])
        let terminal = session.terminal
        defer { terminal.close() }
        guard session.waitForFirstScreen() else { return }
        #expect(registry.requests >= 1, "the dashboard never asked the registry")

        var latencies: [Duration] = []
        for key in ["3", "4", "2", "5", "6", "1", "3", "4", "?", "q", "2", "1"] {
            terminal.waitForQuiet(.milliseconds(80), timeout: .seconds(2))
            let before = terminal.count
            terminal.type(key)
            latencies.append(terminal.waitForMoreOutput(than: before, timeout: .seconds(2)) ?? .seconds(2))
        }
        let slowest = latencies.max() ?? .zero
        #expect(slowest < .milliseconds(250), "a key took \(slowest) to be answered while the registry hung: \(latencies)")
        // The registry times out after 3 s: the header then says it is down, while the dashboard keeps going.
        #expect(terminal.waitFor("✗ down", timeout: .seconds(8)), "the hanging registry was never marked down: \(session.text)")
        session.press([":", "q", TerminalKeys.enter])
        #expect(terminal.waitForExit()?.exitCode == 0)
        HardeningFigures.record(faultsInjected: 1)
    }

    /// The approve dialog confirmed while another process holds the store's write lock past the busy timeout: the
    /// loop keeps answering keys while the gate waits, then says the store is busy; nothing was written.
    @Test func aBusyStoreKeepsTheDashboardAnsweringAndSaysWhy() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .medium, dueIn: 10 * 365 * 86_400)
        let before = try fixture.snapshot()
        let session = try DashboardSession(fixture: fixture, columns: 140)
        let terminal = session.terminal
        defer { terminal.close() }
        guard session.waitForFirstScreen() else { return }
        session.press(["4"])
        #expect(terminal.waitFor(approval.description))
        session.press(["a", TerminalKeys.right])
        #expect(terminal.waitFor("Approve \(approval)?"), "no dialog: \(session.text)")

        let holder = try WriteLockHolder(path: fixture.path, seconds: SQLiteJobStore.busyTimeout + 2)
        terminal.type(TerminalKeys.enter)
        var latencies: [Duration] = []
        for _ in 0..<8 {
            usleep(300_000)
            let mark = terminal.count
            terminal.type("\u{0C}")  // Ctrl-L: answered in every mode, even while the action is being sent
            latencies.append(terminal.waitForMoreOutput(than: mark, timeout: .seconds(2)) ?? .seconds(2))
        }
        let slowest = latencies.max() ?? .zero
        #expect(slowest < .milliseconds(250), "the loop stalled while the gate waited for the lock: \(latencies)")
        #expect(terminal.waitFor("busy", timeout: .seconds(10)), "the refusal never said the store was busy: \(session.text)")
        holder.wait()
        #expect(try fixture.snapshot() == before, "a refused action left something behind")
        session.press([":", "q", TerminalKeys.enter])
        #expect(terminal.waitForExit()?.exitCode == 0)
        HardeningFigures.record(faultsInjected: 1)
    }

    /// SIGHUP (a dropped SSH link), SIGTERM and SIGINT with the approve dialog open and its confirm button focused:
    /// the terminal gets its modes back, the process ends with 128 + the signal, nothing was decided, the audit
    /// trail verifies.
    @Test(arguments: [SIGHUP, SIGTERM, SIGINT])
    func aSignalInTheMiddleOfADecisionRestoresTheTerminalAndDecidesNothing(signal: Int32) throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .medium, dueIn: 10 * 365 * 86_400)
        let auditBefore = try fixture.auditCount()
        let session = try DashboardSession(fixture: fixture)
        let terminal = session.terminal
        defer { terminal.close() }
        guard session.waitForFirstScreen() else { return }
        #expect(!terminal.isCooked, "the dashboard did not take the terminal over")
        session.press(["4"])
        #expect(terminal.waitFor(approval.description))
        let before = terminal.count
        session.press(["a", TerminalKeys.right])
        #expect(terminal.waitFor("Approve \(approval)?", after: before), "no dialog: \(session.text)")

        terminal.signal(signal)
        let ending = terminal.waitForExit()
        #expect(ending?.exitCode == 128 + signal, "ended with \(String(describing: ending))")
        #expect(terminal.isCooked, "the terminal was left without echo or line mode after signal \(signal)")
        let stored = try #require(try fixture.store.approval(approval))
        #expect(stored.state == .pending && stored.decisions.isEmpty, "a discarded dialog decided something")
        #expect(try fixture.auditCount() == auditBefore)
        let verify = try CLI.run(["audit", "verify", "--store", fixture.path], environment: CLI.environment(home: fixture.folder))
        #expect(verify.status == 0, "\(verify.stderr)")
        HardeningFigures.record(faultsInjected: 1)
    }
}

/// Checks on the raw bytes a program wrote to a terminal.
enum TerminalBytes {
    /// What is wrong with `output`: not UTF-8, an OSC or DCS sequence (ncurses never writes either), a C1 control,
    /// a bidi or zero-width character, or a field label followed by its injected control sequence.
    static func problems(in output: [UInt8], labels: [String]) -> [String] {
        var problems: [String] = []
        if String(validating: output, as: UTF8.self) == nil { problems.append("the output is not valid UTF-8") }
        let slice = output[...]
        for (name, sequence) in [("OSC (ESC ])", [0x1B, 0x5D]), ("DCS (ESC P)", [0x1B, 0x50]), ("RIS (ESC c)", [0x1B, 0x63])] as [(String, [UInt8])] {
            if let range = PseudoTerminal.firstRange(of: sequence, in: slice) {
                problems.append("\(name) at byte \(range.lowerBound): \(context(output, range))")
            }
        }
        for (name, bytes) in Hostile.forbiddenAnywhere {
            if let range = PseudoTerminal.firstRange(of: bytes, in: slice) {
                problems.append("\(name) at byte \(range.lowerBound): \(context(output, range))")
            }
        }
        for label in labels {
            for injection in Hostile.injections(label) {
                if let range = PseudoTerminal.firstRange(of: injection, in: slice) {
                    problems.append("injected \(label) sequence at byte \(range.lowerBound): \(context(output, range))")
                }
            }
        }
        return problems
    }

    private static func context(_ output: [UInt8], _ range: Range<Int>) -> String {
        let window = output[max(0, range.lowerBound - 20)..<min(output.count, range.upperBound + 20)]
        return String(decoding: window, as: UTF8.self).unicodeScalars.map { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }
}
