import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport
import PostgresStore

@Suite("PostgreSQL store: change token and LISTEN/NOTIFY", .enabled(if: PostgresTestCluster.isConfigured, "needs FUSION_TEST_PG"))
struct ChangeFeedTests {
    let fixture: StoreFixture

    init() throws {
        fixture = try StoreFixture(backend: .postgres(database: try #require(PostgresTestCluster.database)))
    }

    @Test func commitsByAnotherConnectionAndByItselfMoveTheToken() throws {
        let watcher = try fixture.openAnother()
        // (Unchanged, the token stays; but other tests commit on the same server meanwhile, which moves it too.)
        let before = try watcher.changeToken()
        _ = try fixture.makeRun(state: .queued)
        let afterOther = try watcher.changeToken()
        #expect(afterOther != before)
        _ = try ActionGate(store: watcher).perform(.grant(account: "ops-x", role: .operator), as: Actor(account: "root-admin"))
        #expect(try watcher.changeToken() != afterOther, "the store's own commits move the token too")
    }

    @Test func aChangeSeenBeforeItsCommitStillMovesTheTokenWhenItCommits() throws {
        let watcher = try fixture.openAnother()
        let writer = try fixture.openAnother()
        let run = try fixture.makeRun(state: .queued)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            _ = try? writer.transaction { tx -> Bool in
                _ = try tx.updateRun(run, expectedVersion: 1, change: RunChange(endReason: "held"), at: Date())
                started.signal()
                release.wait()
                return true
            }
            done.signal()
        }.start()
        started.wait()
        let during = try watcher.changeToken()
        #expect(try watcher.run(run)?.endReason == nil, "not committed yet")
        release.signal()
        done.wait()
        #expect(try watcher.changeToken() != during, "the commit after the token was read must move it")
        #expect(try watcher.run(run)?.endReason == "held")
    }

    @Test func aCommitIsAnnouncedToWatchersAtOnce() throws {
        let watched = try #require(try fixture.openAnother() as? any ChangeNotifyingStore)
        let recorder = ChangeRecorder()
        let watch = try watched.watchChanges(recorder.report)
        defer { watch.stop() }
        #expect(recorder.waitFor(timeout: 10) { $0 == .changed } != nil, "listening starts with a change, to re-read")
        var latencies: [Double] = []
        for round in 0..<20 {
            let approval = try fixture.pendingApproval()
            Thread.sleep(forTimeInterval: 0.1)  // let the announcements of the set-up arrive first
            let settled = recorder.count
            let committed = Date()
            _ = try fixture.gate().perform(.approve(approval, reason: "round \(round)"), as: Actor(account: "sup-eau"))
            let arrived = try #require(recorder.waitFor(after: settled, timeout: 5) { $0 == .changed }, "no notification")
            latencies.append(max(0, arrived.timeIntervalSince(committed)) * 1000)
        }
        latencies.sort()
        let median = latencies[latencies.count / 2]
        print("figure: PostgreSQL commit → NOTIFY received: median \(String(format: "%.1f", median)) ms, "
            + "max \(String(format: "%.1f", latencies.last ?? 0)) ms over \(latencies.count) decisions")
        #expect(median < 500)
    }

    @Test func anotherSchemaOnTheSameDatabaseIsNotAnnouncedHere() throws {
        let watched = try #require(try fixture.openAnother() as? any ChangeNotifyingStore)
        let recorder = ChangeRecorder()
        let watch = try watched.watchChanges(recorder.report)
        defer { watch.stop() }
        #expect(recorder.waitFor(timeout: 10) { $0 == .changed } != nil)
        Thread.sleep(forTimeInterval: 0.2)
        let before = recorder.count
        let other = try StoreFixture(backend: fixture.backend)
        _ = try other.makeRun(state: .queued)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(recorder.count == before, "\(recorder.all)")
    }
}
