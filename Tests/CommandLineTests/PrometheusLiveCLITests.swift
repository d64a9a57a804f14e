import Foundation
import Testing

/// `fusion-console nodes` against a real Prometheus scraping a real node_exporter (started by
/// Tests/scripts/prometheus-e2e.sh, which sets FUSION_TEST_PROMETHEUS_URL and runs the PrometheusLive tests).
@Suite(
    "PrometheusLive: fusion-console nodes against a real Prometheus",
    .enabled(if: ProcessInfo.processInfo.environment["FUSION_TEST_PROMETHEUS_URL"] != nil, "needs Tests/scripts/prometheus-e2e.sh"),
    .serialized
)
struct PrometheusLiveCLITests {
    let url = ProcessInfo.processInfo.environment["FUSION_TEST_PROMETHEUS_URL"] ?? ""
    let machine = ProcessInfo.processInfo.environment["FUSION_TEST_NODE_NAME"] ?? ""
    let dead = ProcessInfo.processInfo.environment["FUSION_TEST_DEAD_NODE"] ?? ""

    /// Busy and idle jiffies of all CPUs, from /proc/stat.
    static func cpuTimes() throws -> (busy: Double, total: Double) {
        let text = try String(contentsOfFile: "/proc/stat", encoding: .utf8)
        let fields = text.split(separator: "\n")[0].split(separator: " ").dropFirst().compactMap { Double($0) }
        let idle = fields[3] + (fields.count > 4 ? fields[4] : 0)
        let total = fields.prefix(8).reduce(0, +)
        return (total - idle, total)
    }

    @Test func nodesJSONShowsThisMachineWithTheCPUUtilisationProcStatSees() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-prom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("config.toml")
        try Data("""
            [registry.prometheus.queries]
            cpu_util = '100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[20s])))'
            """.utf8).write(to: config)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)

        // A steady load on one core for the whole window, so both measurements see the same thing.
        let stop = Date().addingTimeInterval(27)
        let load = Thread {
            var x = 0.0
            while Date() < stop { x += sin(x) }
            _ = x
        }
        load.start()
        Thread.sleep(forTimeInterval: 5)
        let start = try Self.cpuTimes()
        Thread.sleep(forTimeInterval: 21)
        let end = try Self.cpuTimes()
        let measured = 100 * (end.busy - start.busy) / (end.total - start.total)

        let env = CLI.environment(home: home)
        let result = try CLI.run(["nodes", "--registry", url, "--json", "--config", config.path], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["schema_version"] as? Int == 1)
        let nodes = try #require(document["nodes"] as? [[String: Any]])
        let node = try #require(nodes.first { $0["name"] as? String == machine }, "this machine (\(machine)) is not listed")
        let util = try #require(node["cpu_util"] as? Double)
        print("fusion-console nodes: \(machine) cpu_util \(util)%, /proc/stat over the same 20 s: \(measured)%")
        #expect(abs(util - measured) <= 5, "nodes says \(util)%, /proc/stat says \(measured)%")
        #expect(node["kind"] as? String == "cpu")
        let deadNode = try #require(nodes.first { $0["name"] as? String == dead })
        #expect(deadNode["status"] as? String == "down")
    }
}
