import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport
import PostgresStore

/// The server stops and starts again in the middle of a session: stores and their watchers recover by
/// themselves, nothing confirmed is lost, and what is tried meanwhile fails with a plain message. Runs alone
/// (`Tests/scripts/postgres-e2e.sh` sets `FUSION_TEST_PG_STOP` and `FUSION_TEST_PG_START` for this suite only),
/// since stopping the server disturbs every other test.
@Suite(
    "PostgreSQL store: the server restarts mid-session", .serialized,
    .enabled(if: PostgresTestCluster.isConfigured && PostgresTestCluster.outageCommands != nil, "needs FUSION_TEST_PG_STOP and _START")
)
struct ServerOutageTests {
    @Test func storesAndWatchersRecoverWithoutLosingWhatWasConfirmed() throws {
        let commands = try #require(PostgresTestCluster.outageCommands)
        let fixture = try StoreFixture(backend: .postgres(database: try #require(PostgresTestCluster.database)))
        let dashboard = try #require(try fixture.openAnother() as? any ChangeNotifyingStore)
        let recorder = ChangeRecorder()
        let watch = try dashboard.watchChanges(recorder.report)
        defer { watch.stop() }
        #expect(recorder.waitFor(timeout: 10) { $0 == .changed } != nil)

        let confirmed = try fixture.pendingApproval()
        let receipt = try fixture.gate().perform(.approve(confirmed, reason: "avant l'arrêt"), as: Actor(account: "sup-eau"))
        let pending = try fixture.pendingApproval()
        let before = recorder.count

        #expect(try PostgresTestCluster.shell(commands.stop) == 0)
        let lost = recorder.waitFor(after: before, timeout: 15) { if case .connectionLost = $0 { true } else { false } }
        #expect(lost != nil, "the watcher must report the lost connection (the dashboard marks the store stale): \(recorder.all)")

        let meanwhile = refusal { () throws(ActionError) in
            try fixture.gate().perform(.approve(pending, reason: nil), as: Actor(account: "sup-rsu"))
        }
        #expect(meanwhile?.kind == .storeUnavailable, "\(String(describing: meanwhile))")
        #expect(meanwhile?.message.contains("cannot be reached") == true, "\(meanwhile?.message ?? "")")
        #expect(throws: StoreError.self) { _ = try dashboard.queueSummary(now: Date()) }

        #expect(try PostgresTestCluster.shell(commands.start) == 0)
        let back = recorder.waitFor(after: before, timeout: 30) { $0 == .reconnected }
        #expect(back != nil, "the watcher must reconnect by itself: \(recorder.all)")

        // The same store objects work again, without being opened anew: the watched one at once (the watcher
        // found the server), the other within its reconnection backoff.
        #expect(try dashboard.approval(confirmed)?.state == .approved, "confirmed before the stop: still there")
        let deadline = Date().addingTimeInterval(10)
        var recovered = false
        while !recovered && Date() < deadline {
            recovered = (try? fixture.store.schemaVersion()) != nil
            if !recovered { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(recovered, "the other store reconnects by itself")
        let record = try #require(try dashboard.auditRecords(AuditQuery(limit: 1_000)).first { $0.seq == receipt.auditSeq })
        #expect(record.action == "approve" && record.outcome == .ok)
        #expect(try dashboard.approval(pending)?.state == .pending, "the attempt during the outage changed nothing")
        let after = try ActionGate(store: dashboard, clock: FixedClock(fixture.now))
            .perform(.approve(pending, reason: "après"), as: Actor(account: "sup-rsu"))
        #expect(after.message.contains("Approved"))
        #expect(try dashboard.verifyAudit().firstBreak == nil)
        let announced = recorder.count
        _ = try fixture.makeRun(state: .queued)
        #expect(recorder.waitFor(after: announced, timeout: 5) { $0 == .changed } != nil, "announcements flow again")
    }
}
