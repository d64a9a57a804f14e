import FactoryModel
import Foundation
@testable import NodeRegistry
import Testing

/// What `Tests/scripts/prometheus-e2e.sh` tells the live tests.
struct LiveEnvironment {
    let url: String?
    let node: String
    let gpuNode: String
    let deadNode: String

    init() {
        let env = ProcessInfo.processInfo.environment
        url = env["FUSION_TEST_PROMETHEUS_URL"]
        node = env["FUSION_TEST_NODE_NAME"] ?? ""
        gpuNode = env["FUSION_TEST_GPU_NODE"] ?? "gpu-sim-01"
        deadNode = env["FUSION_TEST_DEAD_NODE"] ?? "edge-dead-01"
    }
}

/// Against a real Prometheus scraping a real node_exporter, started by
/// `Tests/scripts/prometheus-e2e.sh`, which sets the variables below. Skipped (and reported as
/// skipped) when run without it.
@Suite(
    "PrometheusLive: a real Prometheus and node_exporter",
    .enabled(if: LiveEnvironment().url != nil, "needs Tests/scripts/prometheus-e2e.sh (FUSION_TEST_PROMETHEUS_URL)"),
    .serialized
)
struct PrometheusLiveTests {
    static var environment: LiveEnvironment { LiveEnvironment() }

    private func endpoint() throws -> RegistryEndpoint {
        try RegistryEndpoint.parse(url: try #require(Self.environment.url))
    }

    @Test("the default configuration lists every node: this machine, the GPU node, the dead one")
    func defaultConfiguration() throws {
        // The script points every proxy variable at a dead port: they must be ignored.
        #expect(ProcessInfo.processInfo.environment["http_proxy"] != nil)
        let client = try RegistryConfiguration(endpoint: try endpoint()).makeClient()
        let snapshot = try client.fetchNodes()
        let names = snapshot.nodes.map(\.name)
        #expect(names.contains(Self.environment.node), "nodes: \(names)")
        #expect(names.contains(Self.environment.gpuNode) && names.contains(Self.environment.deadNode))
        let machine = try #require(snapshot.nodes.first { $0.name == Self.environment.node })
        #expect(machine.kind == .cpu && machine.status == .up)
        #expect(machine.site == "local" && machine.pool == "local-cpu")
        #expect(machine.cpuUtil > 0 && machine.cpuUtil <= 100)
        #expect(machine.memUtil > 0 && machine.memUtil < 100)
        #expect(machine.gpus.isEmpty)
        #expect(abs(machine.heartbeatAt.timeIntervalSinceNow) < 10, "heartbeat = last scrape")
        print("prometheus live: \(machine.name) cpu \(machine.cpuUtil)% mem \(machine.memUtil)%")
    }

    @Test("this machine's CPU utilisation matches /proc/stat over the same window")
    func cpuMatchesProcStat() throws {
        let window = 20.0
        var settings = PrometheusSettings()
        settings.queries.cpuUtil = #"100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[20s])))"#
        let log = ProcStatLog()
        let load = CPULoad()
        defer {
            load.stop()
            log.stop()
        }
        Thread.sleep(forTimeInterval: window + 3)
        let instant = Date()
        let http = try HTTPClient(options: HTTPOptions())
        let client = PrometheusRegistryClient(endpoint: try endpoint(), http: http, settings: settings, now: { instant })
        let node = try #require(try client.fetchNodes().nodes.first { $0.name == Self.environment.node })

        // rate() is the mean rate between the first and last samples inside the window; find them.
        // Scrapes are exactly 1 s apart, so the first is the last minus whole seconds.
        let last = try #require(try client.query(#"timestamp(node_cpu_seconds_total{mode="idle",cpu="0",site="local"})"#,
                                                  key: "test", at: instant).first?.value)
        let stepsBack = (last - (instant.timeIntervalSince1970 - window)).rounded(.up) - 1
        let first = last - stepsBack
        let measured = try #require(log.utilisation(from: first, to: last), "/proc/stat log does not cover the window")
        print("prometheus live: cpu over [\(first), \(last)] (\(stepsBack) s): Prometheus \(node.cpuUtil)%, /proc/stat \(measured)%")
        #expect(stepsBack >= window - 2)
        #expect(abs(node.cpuUtil - measured) <= 3, "Prometheus \(node.cpuUtil)% vs /proc/stat \(measured)%")
        #expect(measured > 100 / Double(log.cpuCount) * 0.8, "the load thread should keep one core busy")
    }

    @Test("DCGM-shaped GPU series appear on their node")
    func gpuSeries() throws {
        let client = try RegistryConfiguration(endpoint: try endpoint()).makeClient()
        let node = try #require(try client.fetchNodes().nodes.first { $0.name == Self.environment.gpuNode })
        #expect(node.kind == .gpu && node.status == .up)
        #expect(node.site == "dakhla" && node.pool == "dakhla-gpu")
        #expect(node.memUtil == 75)
        #expect(node.gpus == [
            GPUSample(index: 0, model: "NVIDIA H100 80GB HBM3", util: 87, memUsedMiB: 61_440, memTotalMiB: 81_920, tempC: 71, powerW: 612.5),
            GPUSample(index: 1, model: "NVIDIA H100 80GB HBM3", util: 42, memUsedMiB: 20_480, memTotalMiB: 81_920, tempC: 58, powerW: 298.25),
        ])
    }

    @Test("a target that is down (up == 0) shows as a down node, not a missing one")
    func downTarget() throws {
        let client = try RegistryConfiguration(endpoint: try endpoint()).makeClient()
        let node = try #require(try client.fetchNodes().nodes.first { $0.name == Self.environment.deadNode })
        #expect(node.status == .down)
        #expect(node.kind == .edge && node.site == "ifrane" && node.pool == "ifrane-edge")
    }

    @Test("a bad query is reported with Prometheus' own words")
    func badQuery() throws {
        var settings = PrometheusSettings()
        settings.queries.memUtil = "100 * (1 - node_memory_MemAvailable_bytes /"
        let client = try RegistryConfiguration(endpoint: try endpoint(), prometheus: settings).makeClient()
        do {
            _ = try client.fetchNodes()
            Issue.record("a broken query was accepted")
        } catch {
            guard case .prometheusError(let type, let message) = error.problem else {
                Issue.record("unexpected: \(error)")
                return
            }
            #expect(type == "bad_data")
            #expect(message.hasSuffix("(query mem_util)"))
        }
    }

    @Test("the poller reads the real registry and calls it fresh")
    func poller() throws {
        let client = try RegistryConfiguration(endpoint: try endpoint()).makeClient()
        let poller = RegistryPoller(client: client, interval: 2)
        let state = poller.pollOnce()
        #expect(state.lastError == nil)
        #expect(state.health(now: Date(), interval: 2) == .fresh)
        #expect(state.history.kinds[.cpu]?.count == 1)
        #expect(state.history.kinds[.gpu]?.last == (87.0 + 42.0) / 2)
    }
}
