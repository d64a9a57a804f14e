import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// The real binary on a pseudo-terminal, its registry hanging, refusing, failing or cut off: keys are answered at once
/// and the registry is marked down.
@Suite("The dashboard with a failing registry", .enabled(if: geteuid() == 0, "acts for test accounts with --as, which needs root"))
struct DashboardRegistryFaultTests {
    /// A registry that accepts the connection and never answers: the loop still answers every key at once, and
    /// the registry is marked down once the request times out.
    @Test func keysAreAnsweredWithinAFrameWhileTheRegistryHangs() async throws {
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
        guard await session.waitForFirstScreen() else { return }
        #expect(registry.requests >= 1, "the dashboard never asked the registry")

        var latencies: [Duration] = []
        for key in ["3", "4", "2", "5", "6", "1", "3", "4", "?", "q", "2", "1"] {
            await terminal.waitForQuiet(.milliseconds(80), timeout: .seconds(2))
            let before = terminal.count
            let sent = terminal.type(key)
            latencies.append(await terminal.latency(since: sent, after: before, timeout: .seconds(3)) ?? .seconds(3))
        }
        // A loop that waited for the registry would answer only when the request times out (3 s); a frame is
        // ~10 ms on an idle machine. The bound leaves room for a loaded CI machine running the other tests.
        let slowest = latencies.max() ?? .zero
        let typical = latencies.sorted()[latencies.count / 2]
        #expect(slowest < .seconds(1), "a key took \(slowest) to be answered while the registry hung: \(latencies)")
        #expect(typical < .milliseconds(250), "keys took \(typical) (median) while the registry hung: \(latencies)")
        print("keys answered while the registry hung: median \(typical), slowest \(slowest)")
        // The registry times out after 3 s: the header then says it is down, while the dashboard keeps going.
        #expect(await terminal.waitFor("✗ down", timeout: .seconds(8)), "the hanging registry was never marked down: \(session.text)")
        await session.press([":", "q", TerminalKeys.enter])
        #expect(await terminal.waitForExit()?.exitCode == 0)
        HardeningFigures.record(faultsInjected: 1)
    }

    /// A registry that refuses connections, answers 500, resets mid-body or lies (a CPU at 140 %): the header marks
    /// it down within a poll or two, and the dashboard keeps answering keys.
    @Test(arguments: ["refused", "500", "reset", "lying"])
    func aFailingRegistryIsMarkedDownAndTheDashboardGoesOn(failure: String) async throws {
        let fixture = try StoreFixture()
        let body = try StubRegistry.document(name: "n1", site: "dakhla", pool: "dakhla-gpu", model: "H100")
        let registry: StubRegistry?
        let url: String
        switch failure {
        case "refused":
            registry = nil
            url = "http://127.0.0.1:\(try StubRegistry.closedPort())"
        case "500":
            registry = try StubRegistry(.status(500))
            url = registry?.url ?? ""
        case "lying":
            let lie = String(decoding: body, as: UTF8.self).replacing(/"cpu_util"\s*:\s*[0-9.]+/, with: "\"cpu_util\": 140")
            #expect(lie.contains("140"))
            registry = try StubRegistry(.serve(Data(lie.utf8)))
            url = registry?.url ?? ""
        default:
            registry = try StubRegistry(.resetMidBody(body))
            url = registry?.url ?? ""
        }
        defer { registry?.stop() }
        let session = try DashboardSession(fixture: fixture, extra: ["--registry", url, "--refresh", "1"])
        let terminal = session.terminal
        defer { terminal.close() }
        guard await session.waitForFirstScreen() else { return }
        #expect(await terminal.waitFor("✗ down", timeout: .seconds(8)), "the \(failure) registry was not marked down: \(session.text)")
        if failure == "lying" {
            #expect(await terminal.waitFor("nodes[0].cpu_util: expected a percentage 0–100, got 140", timeout: .seconds(3)), "the lie was not named: \(session.text)")
        }
        let before = terminal.count
        let sent = terminal.type("2")
        let latency = await terminal.latency(since: sent, after: before, timeout: .seconds(3))
        #expect(latency.map { $0 < .seconds(1) } == true, "the nodes screen took \(String(describing: latency))")
        await session.press([":", "q", TerminalKeys.enter])
        #expect(await terminal.waitForExit()?.exitCode == 0)
        HardeningFigures.record(faultsInjected: 1)
    }
}
