import Foundation
import Synchronization
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// SQLite has no notifications: a dashboard still hears of another console's commit within a quarter of a second,
/// and nothing after it stops listening.
@Suite("SQLite change watch")
struct SQLiteChangeWatchTests {
    @Test func aCommitByAnotherConnectionIsReportedPromptlyAndNothingAfterStop() throws {
        let fixture = try StoreFixture(backend: .sqlite)
        let watched = try SQLiteJobStore(path: fixture.path)
        let reports = Mutex<[(StoreChange, Date)]>([])
        let watch = try watched.watchChanges { change in reports.withLock { $0.append((change, Date())) } }
        Thread.sleep(forTimeInterval: 0.6)
        #expect(reports.withLock { $0.isEmpty }, "reported a change nobody made")

        let approval = try fixture.pendingApproval()
        let committed = Date()
        _ = try fixture.gate().perform(.approve(approval, reason: "checked"), as: Actor(account: "sup-eau"))
        let deadline = Date().addingTimeInterval(2)
        while reports.withLock({ $0.isEmpty }) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let first = try #require(reports.withLock { $0.first })
        #expect(first.0 == .changed)
        #expect(first.1.timeIntervalSince(committed) < 0.5, "the change took \(first.1.timeIntervalSince(committed)) s to be seen")

        watch.stop()
        let count = reports.withLock { $0.count }
        _ = try fixture.gate().perform(.cancel(try fixture.makeRun(state: .running), reason: "runaway"), as: Actor(account: "ops-nuit"))
        Thread.sleep(forTimeInterval: 0.6)
        #expect(reports.withLock { $0.count } == count, "reported after stop")
    }
}
