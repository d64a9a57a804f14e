import Foundation
import Synchronization
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// Eight operators (distinct accounts, through root's `--as`) deciding, cancelling and rerouting the same 200
/// items at once, each from its own processes, for a bounded time.
@Suite("Racing operators", .enabled(if: geteuid() == 0, "acts as eight accounts with --as, which needs root"))
struct RacingOperatorsTests {
    /// One attempt by one operator, and how the command line answered.
    struct Attempt: Hashable {
        var account: String
        var action: String
        var subject: String
        var exitCode: Int32

        /// The audit outcome the exit code stands for; nil when the attempt must leave no record (bad input).
        var outcome: String? {
            switch exitCode {
            case 0: "ok"
            case 3: "denied"
            case 4: "conflict"
            default: nil
            }
        }
    }

    static let supervisors = ["race-sup-1", "race-sup-2", "race-sup-3", "race-sup-4", "race-sup-5"]
    static let operators = ["race-ops-1", "race-ops-2", "race-ops-3"]
    static let duration: TimeInterval = 10

    @Test func everyDecisionEndsOnceAndEveryAttemptHasExactlyOneAuditRecord() async throws {
        let fixture = try StoreFixture()
        let admin = Actor(account: "root-admin")
        for account in Self.supervisors { _ = try fixture.gate().perform(.grant(account: account, role: .supervisor), as: admin) }
        for account in Self.operators { _ = try fixture.gate().perform(.grant(account: account, role: .operator), as: admin) }

        // 200 items: 100 approvals of every risk (some on runs a racer submitted, which that racer may not
        // decide), and 100 runs queued or running, to cancel and reroute.
        let runtime = fixture.runtime(at: Date())
        var approvals: [ApprovalID] = []
        var runs: [RunID] = []
        var approvalRuns: [RunID] = []
        for index in 0..<100 {
            let submitter = index % 10 == 0 ? Self.supervisors[index / 10 % Self.supervisors.count] : "race-agent"
            let run = try fixture.makeRun(state: .running, pool: "dakhla-gpu", gpus: 2, submitter: submitter)
            approvalRuns.append(run)
            let risk: Risk = [.low, .medium, .high][index % 3]
            approvals.append(try runtime.requestApproval(NewApproval(
                runID: run, subject: "Race \(index)", proposedAction: "act", rationale: "race", risk: risk,
                requiredApprovals: risk == .high ? 2 : 1, requestedBy: "race-agent", requestedAt: Date(),
                dueAt: Date().addingTimeInterval(10 * 365 * 86_400)
            )))
            runs.append(try fixture.makeRun(state: index % 2 == 0 ? .queued : .running, pool: "dakhla-gpu", gpus: 2))
        }
        let auditBefore = try fixture.auditCount()
        let env = CLI.environment(home: fixture.folder)
        let approvalSubjects = approvals.map(\.description)
        // Runs of the approvals too: a cancel withdraws the pending approval it races with.
        let runSubjects = (runs + approvalRuns).map(\.description)

        let attempts = Mutex<[Attempt]>([])
        let deadline = Date().addingTimeInterval(Self.duration)
        let racers = Self.supervisors + Self.operators
        let group = DispatchGroup()
        for (number, account) in racers.enumerated() {
            group.enter()
            Thread {
                defer { group.leave() }
                var random = SystemRandomNumberGenerator()
                while Date() < deadline {
                    let verb = ["approve", "approve", "reject", "cancel", "reroute"].randomElement(using: &random)!
                    let arguments: [String]
                    let subject: String
                    switch verb {
                    case "approve", "reject":
                        subject = approvalSubjects.randomElement(using: &random)!
                        arguments = verb == "approve" ? [verb, subject] : [verb, subject, "--reason", "race \(number)"]
                    default:
                        subject = runSubjects.randomElement(using: &random)!
                        let target = ["benguerir-gpu", "dakhla-gpu"].randomElement(using: &random)!
                        arguments = verb == "cancel"
                            ? [verb, subject, "--reason", "race \(number)"]
                            : [verb, subject, "--to", target, "--reason", "race \(number)"]
                    }
                    guard let result = try? CLI.run(arguments + ["--store", fixture.path, "--as", account], environment: env) else { continue }
                    attempts.withLock { $0.append(Attempt(account: account, action: verb, subject: subject, exitCode: result.status)) }
                }
            }.start()
        }
        _ = try await offPool { group.wait() }
        let made = attempts.withLock { $0 }

        // Every exit code is a documented answer: done, not permitted, conflict, or bad input (a reroute to the
        // pool the run is on already).
        let unexpected = made.filter { ![0, 3, 4, 64].contains($0.exitCode) }
        #expect(unexpected.isEmpty, "unexpected exit codes: \(unexpected.prefix(10))")

        // One audit record per attempt that reached the gate, with the outcome the command line reported.
        let records = try fixture.store.auditRecords(AuditQuery(limit: 1_000_000)).filter { $0.seq > Int64(auditBefore) }
        var expected: [String: Int] = [:]
        for attempt in made {
            guard let outcome = attempt.outcome else { continue }
            expected["\(attempt.account) \(attempt.action) \(attempt.subject) \(outcome)", default: 0] += 1
        }
        var recorded: [String: Int] = [:]
        for record in records where record.actor != Actor.runtime.account {
            recorded["\(record.actor) \(record.action) \(record.subject) \(record.outcome.rawValue)", default: 0] += 1
        }
        let lost = expected.reduce(0) { $0 + max(0, $1.value - (recorded[$1.key] ?? 0)) }
        let extra = recorded.reduce(0) { $0 + max(0, $1.value - (expected[$1.key] ?? 0)) }
        #expect(lost == 0, "attempts without their audit record: \(lost)")
        #expect(extra == 0, "audit records without an attempt: \(extra)")
        #expect(records.allSatisfy { $0.via == "root" || $0.actor == Actor.runtime.account })

        // Every approval in exactly one state, consistent with its decisions; four-eyes held; no own work decided.
        let problems = try StoreInvariants.problems(in: fixture.store)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        for id in approvals {
            let approval = try #require(try fixture.store.approval(id))
            #expect(Set(approval.decisions.map(\.decidedBy)).count == approval.decisions.count)
            if approval.state == .approved && approval.risk == .high { #expect(Set(approval.approvers).count >= 2) }
        }
        let verify = try await CLI.running(["audit", "verify", "--store", fixture.path], environment: env)
        #expect(verify.status == 0, "\(verify.stderr)")

        let byCode = Dictionary(grouping: made, by: \.exitCode).mapValues(\.count)
        let finals = try approvals.map { try fixture.store.approval($0)?.state.rawValue ?? "?" }
        let states = Dictionary(grouping: finals, by: { $0 }).mapValues(\.count)
        print("racing operators: \(made.count) attempts by \(racers.count) accounts in \(Int(Self.duration)) s; exit codes \(byCode); "
              + "\(records.count) audit records; approvals now \(states); records lost \(lost)")
        #expect(made.count >= 100, "too few attempts to call it a race: \(made.count)")
        HardeningFigures.record(racingOperations: made.count, recordsLost: lost + extra)
    }
}
