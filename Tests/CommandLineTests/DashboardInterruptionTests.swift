import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// The real binary on a pseudo-terminal, with the approve dialog open when the store is busy, the role is revoked, or a
/// signal arrives: nothing is half-written, the terminal is restored, the audit trail verifies.
@Suite("The dashboard interrupted in the middle of a decision", .enabled(if: geteuid() == 0, "acts for test accounts with --as, which needs root"), .enabled(if: !TestStoreBackend.current.isPostgres, "reads and damages the SQLite file itself"))
struct DashboardInterruptionTests {
    /// The approve dialog confirmed while another process holds the store's write lock past the busy timeout: the
    /// loop keeps answering keys while the gate waits, then says the store is busy; nothing was written.
    @Test func aBusyStoreKeepsTheDashboardAnsweringAndSaysWhy() async throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .medium, dueIn: 10 * 365 * 86_400)
        let before = try fixture.snapshot()
        let session = try DashboardSession(fixture: fixture, columns: 140)
        let terminal = session.terminal
        defer { terminal.close() }
        guard await session.waitForFirstScreen() else { return }
        await session.press(["4"])
        #expect(await terminal.waitFor(approval.description))
        await session.press(["a", TerminalKeys.right])
        #expect(await terminal.waitFor("Approve \(approval)?"), "no dialog: \(session.text)")

        let holder = try WriteLockHolder(path: fixture.path)
        terminal.type(TerminalKeys.enter)
        var latencies: [Duration] = []
        for _ in 0..<8 {
            try await Task.sleep(for: .milliseconds(300))
            let mark = terminal.count
            let sent = terminal.type("\u{0C}")  // Ctrl-L: answered in every mode, even while the action is being sent
            latencies.append(await terminal.latency(since: sent, after: mark, timeout: .seconds(3)) ?? .seconds(3))
        }
        // The gate waits 5 s for the lock; the loop must not.
        let slowest = latencies.max() ?? .zero
        let typical = latencies.sorted()[latencies.count / 2]
        #expect(slowest < .seconds(1), "the loop stalled while the gate waited for the lock: \(latencies)")
        #expect(typical < .milliseconds(250), "keys took \(typical) (median) while the gate waited: \(latencies)")
        #expect(await terminal.waitFor("busy", timeout: .seconds(10)), "the refusal never said the store was busy: \(session.text)")
        await holder.released()
        #expect(try fixture.snapshot() == before, "a refused action left something behind")
        await session.press([":", "q", TerminalKeys.enter])
        #expect(await terminal.waitForExit()?.exitCode == 0)
        HardeningFigures.record(faultsInjected: 1)
    }

    /// The screen offers what the role allows, but the gate decides: a supervisor demoted to viewer while the
    /// approve dialog is open confirms it, and the gate refuses (with an audit record of the refusal).
    @Test func theGateNotTheScreenEnforcesTheRole() async throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        let session = try DashboardSession(fixture: fixture, columns: 140)
        let terminal = session.terminal
        defer { terminal.close() }
        guard await session.waitForFirstScreen() else { return }
        await session.press(["4"])
        #expect(await terminal.waitFor(approval.description))
        await session.press(["a", TerminalKeys.right])
        #expect(await terminal.waitFor("Approve \(approval)?"), "no dialog: \(session.text)")
        let demoted = try await CLI.running(
            ["operators", "grant", "sup-eau", "viewer", "--store", fixture.path, "--as", "root-admin"], environment: CLI.environment(home: fixture.folder)
        )
        #expect(demoted.status == 0, "\(demoted.stderr)")
        let mark = terminal.count
        await session.press([TerminalKeys.enter])
        #expect(await terminal.waitFor("supervisor", after: mark, timeout: .seconds(5)), "the refusal was not shown: \(session.text)")
        let stored = try #require(try fixture.store.approval(approval))
        #expect(stored.state == .pending && stored.decisions.isEmpty)
        let record = try #require(try fixture.store.auditRecords(AuditQuery(limit: 1)).first)
        #expect(record.actor == "sup-eau" && record.action == "approve" && record.outcome == .denied)
        await session.press([":", "q", TerminalKeys.enter])
        #expect(await terminal.waitForExit()?.exitCode == 0)
    }

    /// SIGHUP (a dropped SSH link), SIGTERM and SIGINT with the approve dialog open and its confirm button focused:
    /// the terminal gets its modes back, the process ends with 128 + the signal, nothing was decided, the audit
    /// trail verifies.
    @Test(arguments: [SIGHUP, SIGTERM, SIGINT])
    func aSignalInTheMiddleOfADecisionRestoresTheTerminalAndDecidesNothing(signal: Int32) async throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .medium, dueIn: 10 * 365 * 86_400)
        let auditBefore = try fixture.auditCount()
        let session = try DashboardSession(fixture: fixture)
        let terminal = session.terminal
        defer { terminal.close() }
        guard await session.waitForFirstScreen() else { return }
        #expect(!terminal.isCooked, "the dashboard did not take the terminal over")
        await session.press(["4"])
        #expect(await terminal.waitFor(approval.description))
        let before = terminal.count
        await session.press(["a", TerminalKeys.right])
        #expect(await terminal.waitFor("Approve \(approval)?", after: before), "no dialog: \(session.text)")

        terminal.signal(signal)
        let ending = await terminal.waitForExit()
        #expect(ending?.exitCode == 128 + signal, "ended with \(String(describing: ending))")
        #expect(terminal.isCooked, "the terminal was left without echo or line mode after signal \(signal)")
        let stored = try #require(try fixture.store.approval(approval))
        #expect(stored.state == .pending && stored.decisions.isEmpty, "a discarded dialog decided something")
        #expect(try fixture.auditCount() == auditBefore)
        let verify = try await CLI.running(["audit", "verify", "--store", fixture.path], environment: CLI.environment(home: fixture.folder))
        #expect(verify.status == 0, "\(verify.stderr)")
        HardeningFigures.record(faultsInjected: 1)
    }

    /// The same signals, and SIGKILL, sent the moment the confirm button is pressed, or once the dashboard shows
    /// "Sending…" (the decision handed to the action gate): the decision commits whole (with its audit record) or
    /// not at all, the chain verifies, the store takes decisions afterwards, and the terminal gets its modes back
    /// (except after SIGKILL, which no program can catch). A commit takes about a millisecond, so the signal lands
    /// just before it (nothing decided) or just after it (decided whole) rather than inside it; inside it, the one
    /// transaction that holds the change and its audit record is what keeps them together (`KilledDecisionTests`
    /// kills command-line deciders at random moments for that).
    @Test(arguments: [(SIGHUP, false), (SIGTERM, true), (SIGINT, true), (SIGKILL, false), (SIGKILL, true)])
    func aSignalAsTheDecisionIsSentLeavesItWholeOrAbsent(signal: Int32, afterSending: Bool) async throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .medium, dueIn: 10 * 365 * 86_400)
        let session = try DashboardSession(fixture: fixture)
        let terminal = session.terminal
        defer { terminal.close() }
        guard await session.waitForFirstScreen() else { return }
        await session.press(["4"])
        #expect(await terminal.waitFor(approval.description))
        let before = terminal.count
        await session.press(["a", TerminalKeys.right])
        #expect(await terminal.waitFor("Approve \(approval)?", after: before), "no dialog: \(session.text)")

        let pressed = terminal.count
        _ = terminal.type(TerminalKeys.enter)
        if afterSending { _ = await terminal.waitFor("Sending", after: pressed, timeout: .seconds(2)) }
        terminal.signal(signal)
        let ending = await terminal.waitForExit()
        if signal == SIGKILL {
            #expect(ending?.signal == SIGKILL, "ended with \(String(describing: ending))")
        } else {
            #expect(ending?.exitCode == 128 + signal, "ended with \(String(describing: ending))")
            #expect(terminal.isCooked, "the terminal was left without echo or line mode after signal \(signal)")
        }
        let stored = try #require(try fixture.store.approval(approval))
        let records = try fixture.store.auditRecords(AuditQuery(limit: 100)).filter { $0.subject == approval.description && $0.action == "approve" }
        #expect(stored.decisions.count == records.filter { $0.outcome == .ok }.count, "decision and audit record disagree: \(stored.decisions) \(records)")
        #expect(try StoreInvariants.problems(in: fixture.store).isEmpty)
        let env = CLI.environment(home: fixture.folder)
        let verify = try await CLI.running(["audit", "verify", "--store", fixture.path], environment: env)
        #expect(verify.status == 0, "\(verify.stderr)")
        let after = try await CLI.running(["approve", approval.description, "--store", fixture.path, "--as", "sup-rsu"], environment: env)
        #expect([0, 4].contains(after.status), "the store no longer takes decisions: \(after.stderr)")
        print("signal \(signal) \(afterSending ? "once sending" : "at confirm"): \(stored.decisions.isEmpty ? "nothing decided" : "decided whole")")
        HardeningFigures.record(faultsInjected: 1)
    }
}
