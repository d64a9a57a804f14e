import Foundation
import Synchronization
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// SQL in every id, name and filter the command line takes: refused as input, or bound as a parameter. Either
/// way the tables survive and nothing changes.
@Suite("SQL in command-line arguments", .enabled(if: geteuid() == 0, "acts for a supervisor with --as, which needs root"))
struct SQLInjectionTests {
    static let payloads = [
        "1'; DROP TABLE approvals; --", "' OR '1'='1", "1; DELETE FROM audit_log", "x\"); DROP TABLE runs; --", "%", "_",
    ]

    @Test func hostileIdsNamesAndFiltersAreRefusedOrMatchNothing() async throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        let queued = try fixture.makeRun(state: .queued)
        let env = CLI.environment(home: fixture.folder)
        let before = try fixture.snapshot()
        // Every invocation with what it must answer; run four at a time.
        var cases: [(arguments: [String], allowed: Set<Int32>)] = []
        for payload in Self.payloads {
            for command in [
                ["approve", payload], ["approve", "A-\(payload)"], ["reject", "A-\(payload)", "--reason", "x"],
                ["cancel", "R-\(payload)", "--reason", "x"], ["reroute", "R-\(payload)", "--to", "benguerir-gpu", "--reason", "x"],
                ["reroute", queued.description, "--to", payload, "--reason", "x"], ["runs", "--pool", payload],
                ["runs", "--state", payload], ["approvals", "--state", payload],
            ] {
                cases.append((command + ["--as", "sup-eau"], [64]))
            }
            // A name that matches no institute is "not found"; `%` and `_` match only literally.
            cases.append((["runs", "--institute", payload], [0, 5]))
            if !AccountName.isValid(payload) {  // `_` is a valid account name
                cases.append((["runs", "--as", payload], [64]))
                cases.append((["operators", "grant", payload, "supervisor", "--as", "root-admin"], [64]))
            }
        }
        let all = cases
        let results = Mutex<[(arguments: [String], result: CLI.Result?)]>([])
        let path = fixture.path
        try await offPool {
            DispatchQueue.concurrentPerform(iterations: 4) { lane in
                for index in stride(from: lane, to: all.count, by: 4) {
                    let result = try? CLI.run(all[index].arguments + ["--store", path], environment: env)
                    results.withLock { $0.append((all[index].arguments, result)) }
                }
            }
        }
        for (arguments, result) in results.withLock({ $0 }) {
            let allowed = cases.first { $0.arguments == arguments }?.allowed ?? []
            #expect(result.map { allowed.contains($0.status) } == true, "\(arguments): \(result?.status ?? -1) \(result?.stderr ?? "")")
        }
        #expect(try fixture.snapshot() == before, "a hostile argument changed the store")
        #expect(try fixture.store.approval(approval)?.state == .pending)
        let verify = try await CLI.running(["audit", "verify", "--store", fixture.path], environment: env)
        #expect(verify.status == 0)
        HardeningFigures.record(hostileInputs: cases.count)
    }
}
