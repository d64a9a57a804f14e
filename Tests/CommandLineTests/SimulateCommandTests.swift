import Foundation
import Testing

/// `simulate` as an operator runs it, a process of its own: it creates the demo store, plays the factory's runtime
/// on it, serves the registry that `nodes` reads over HTTP through libcurl, and honours what operators decide from
/// other processes (the loop `make demo` shows, here at 60 times real speed).
@Suite("The simulate command, as a process", .enabled(if: geteuid() == 0, "acts for demo accounts with --as, which needs root"))
struct SimulateCommandTests {
    @Test func itPlaysTheRuntimeServesTheRegistryAndHonoursApproveCancelAndReroute() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-simulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("demo.sqlite").path
        let env = CLI.environment(home: folder)
        func cli(_ arguments: [String], as account: String? = nil) throws -> CLI.Result {
            try CLI.run(arguments + ["--store", store] + (account.map { ["--as", $0] } ?? []), environment: env)
        }
        func json(_ arguments: [String]) throws -> [[String: Any]] {
            let result = try cli(arguments + ["--json"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        }

        let (process, out, err) = try CLI.start(
            ["simulate", "--store", store, "--listen", "127.0.0.1:0", "--speed", "60", "--duration", "120", "--quiet"],
            environment: env
        )
        // Its opening lines name the registry's address (the system chose the port).
        var opening = ""
        let deadline = Date().addingTimeInterval(30)
        while !opening.contains("/v1/nodes"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            opening += String(decoding: chunk, as: UTF8.self)
        }
        let registry = try #require(
            opening.firstMatch(of: /Registry: (http:\/\/127\.0\.0\.1:\d+)\/v1\/nodes/)?.1, "no registry address in: \(opening)"
        )
        #expect(opening.contains("Created the job store"))
        let mode = try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int ?? 0o777
        #expect(mode & 0o027 == 0, "the store is open to others: \(String(mode, radix: 8))")

        // The registry over HTTP: the demo's 79 nodes, and utilisation that moves.
        func utilisation() throws -> [Double] {
            let nodes = try cli(["nodes", "--registry", String(registry), "--json"])
            #expect(nodes.status == 0, "\(nodes.stderr)")
            let document = try JSONSerialization.jsonObject(with: Data(nodes.stdout.utf8)) as? [String: Any]
            return (document?["nodes"] as? [[String: Any]] ?? []).compactMap { $0["cpu_util"] as? Double }
        }
        let before = try utilisation()
        #expect(before.count == 79)

        // Operators act from other processes while it runs.
        let pending = try json(["approvals"]).first { $0["state"] as? String == "pending" && $0["required_approvals"] as? Int == 1 }
        let approval = try #require(pending?["id"] as? String)
        let approvedRun = try #require(pending?["run_id"] as? String)
        let approved = try cli(["approve", approval], as: "sup-national")
        #expect(approved.status == 0, "\(approved.stderr)")

        let running = try #require(try json(["runs", "--state", "running"]).first { $0["id"] as? String != approvedRun })
        let cancelled = try #require(running["id"] as? String)
        let cancel = try cli(["cancel", cancelled, "--reason", "runaway in the test"], as: "ops-nuit")
        #expect(cancel.status == 0, "\(cancel.stderr)")

        let gpuPools = ["dakhla-gpu", "benguerir-gpu", "nouaceur-gpu"]
        let queued = try json(["runs", "--state", "queued"]).filter { gpuPools.contains($0["pool"] as? String ?? "") }
        var rerouted: (run: String, pool: String)?
        for run in queued.prefix(10) where rerouted == nil {
            guard let id = run["id"] as? String, let from = run["pool"] as? String else { continue }
            for target in gpuPools where target != from {
                if try cli(["reroute", id, "--to", target, "--reason", "spare capacity"], as: "ops-nuit").status == 0 {
                    rerouted = (id, target)
                    break
                }
            }
        }
        let moved = try #require(rerouted, "no queued GPU run could be rerouted")

        // What the runtime makes of the operators' acts, within 30 s (at 60 times real speed: half an hour of its
        // time); then it is stopped as an operator stops it, with SIGTERM.
        var runs: [String: [String: Any]] = [:]
        func honoured() -> Bool {
            (runs[approvedRun]?["state"] as? String).map { $0 != "awaiting_approval" } == true
                && runs[cancelled]?["state"] as? String == "cancelled" && runs[moved.run]?["pool"] as? String == moved.pool
        }
        let waitUntil = Date().addingTimeInterval(30)
        repeat {
            runs = Dictionary(uniqueKeysWithValues: try json(["runs", "--limit", "100000"]).compactMap { run in
                (run["id"] as? String).map { ($0, run) }
            })
            if !honoured() { try await Task.sleep(for: .milliseconds(500)) }
        } while !honoured() && Date() < waitUntil
        let after = try utilisation()
        kill(process.processIdentifier, SIGTERM)
        let result = CLI.finish(process, out, err)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Stopped (signal 15)"), "\(result.stdout)")
        #expect(after.count == 79 && after != before, "the registry's utilisation did not move")

        let summary = try #require(result.stdout.firstMatch(of: /So far: (\d+) submitted, (\d+) started, (\d+) succeeded/))
        #expect(Int(summary.1)! > 0 && Int(summary.2)! > 0 && Int(summary.3)! > 0, "\(result.stdout)")
        let approvedState = try #require(runs[approvedRun]?["state"] as? String)
        #expect(approvedState != "awaiting_approval", "the approved run never resumed: \(runs[approvedRun] ?? [:])")
        #expect(try #require(runs[cancelled]?["state"] as? String) == "cancelled", "\(runs[cancelled] ?? [:])")
        #expect(try #require(runs[moved.run]?["pool"] as? String) == moved.pool, "\(runs[moved.run] ?? [:])")
        let trail = try cli(["audit", "--json", "--limit", "100000"])
        #expect(trail.stdout.contains("\"resume\""), "no resume in the audit trail")
        #expect(try cli(["audit", "verify"]).status == 0)
    }
}
