import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// SIGKILL in the middle of decisions: no cleanup runs, yet the store opens, every decision has its audit record
/// and the chain verifies, because the change and its record commit in one transaction (SQLite or PostgreSQL).
@Suite("Decisions killed with SIGKILL", .enabled(if: geteuid() == 0, "acts for supervisors with --as, which needs root"))
struct KilledDecisionTests {
    @Test func killingDecidersAtRandomMomentsLeavesAConsistentStore() async throws {
        let fixture = try StoreFixture()
        let deciders = ["kill-sup-1", "kill-sup-2", "kill-sup-3"]
        for account in deciders {
            _ = try fixture.gate().perform(.grant(account: account, role: .supervisor), as: Actor(account: "root-admin"))
        }
        var approvals: [ApprovalID] = []
        var runs: [RunID] = []
        for index in 0..<20 {
            approvals.append(try fixture.pendingApproval(risk: index % 2 == 0 ? .high : .low, dueIn: 10 * 365 * 86_400))
            runs.append(try fixture.makeRun(state: .queued))
        }
        let env = CLI.environment(home: fixture.folder)
        let path = fixture.path
        let targets = (approvals, runs)
        let (killed, finished) = try await offPool { () throws -> (Int, Int) in
            let (approvals, runs) = targets
            var random = SystemRandomNumberGenerator()
            var killed = 0
            var finished = 0
            for round in 0..<10 {
                // A wave of concurrent actions, each killed after a random 10-250 ms (or left to finish).
                var wave: [(Process, Pipe, Pipe, UInt32)] = []
                for (index, account) in deciders.enumerated() {
                    let approval = approvals[(round * 3 + index) % approvals.count]
                    let run = runs[(round * 3 + index) % runs.count]
                    let verb = Bool.random(using: &random)
                        ? ["approve", approval.description]
                        : ["cancel", run.description, "--reason", "kill test"]
                    let process = try CLI.start(verb + ["--store", path, "--as", account], environment: env)
                    wave.append((process.0, process.1, process.2, UInt32.random(in: 10_000...250_000, using: &random)))
                }
                let start = Date()
                for (process, _, _, delay) in wave.sorted(by: { $0.3 < $1.3 }) {
                    let wait = Double(delay) / 1_000_000 - Date().timeIntervalSince(start)
                    if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
                    if process.isRunning {
                        kill(process.processIdentifier, SIGKILL)
                    }
                }
                for (process, out, err, _) in wave {
                    _ = CLI.finish(process, out, err)
                    if process.terminationReason == .uncaughtSignal { killed += 1 } else { finished += 1 }
                }
            }
            return (killed, finished)
        }
        #expect(killed > 0, "no process was killed mid-way; the test proved nothing")

        let problems = try StoreInvariants.problems(in: fixture.store)
        #expect(problems.isEmpty, "\(problems)")
        let verify = try await CLI.running(["audit", "verify", "--store", fixture.path], environment: env)
        #expect(verify.status == 0, "\(verify.stderr)")
        let listing = try await CLI.running(["approvals", "--state", "all", "--store", fixture.path], environment: env)
        #expect(listing.status == 0, "the store no longer opens: \(listing.stderr)")
        // And it still takes decisions.
        let after = try await CLI.running(["approve", approvals[19].description, "--store", fixture.path, "--as", "kill-sup-1"], environment: env)
        #expect([0, 4].contains(after.status), "\(after.stderr)")
        let committed = try fixture.store.auditRecords(AuditQuery(limit: 10_000)).filter { $0.actor.hasPrefix("kill-sup") && $0.outcome == .ok }.count
        print("killed deciders: \(killed) killed with SIGKILL, \(finished) finished, \(committed) changes committed; invariants hold")
        HardeningFigures.record(faultsInjected: killed)
    }
}
