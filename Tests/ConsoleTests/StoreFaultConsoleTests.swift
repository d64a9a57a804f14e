import ConsoleApp
import ConsoleCore
import ConsoleRender
import FactoryModel
import FactoryStore
import FactoryTestSupport
import Foundation
import GRDB
import Testing

/// The dashboard's side of a failing store, headless: the loader and the gate as the live loop uses them, the
/// console state, and the screen it draws.
@Suite("A failing job store, in the dashboard", .enabled(if: !TestStoreBackend.current.isPostgres, "reads and damages the SQLite file itself"))
struct StoreFaultConsoleTests {
    /// A row changed behind the console's back into something it cannot read: the console stays up, keeps the
    /// last good data on screen, marks the store stale and says what is wrong.
    @Test func aDamagedRowIsReportedWhileTheLastDataStays() throws {
        let fixture = try ConsoleFixture()
        var state = try fixture.state(screen: .runs, width: 120, height: 40)
        let shownBefore = try #require(state.store?.runs.rows.first?.id)
        try fixture.store.bulkLoad { db in try db.execute(sql: "UPDATE runs SET gpus = 'many' WHERE id = ?", arguments: [shownBefore.rawValue]) }

        let later = ConsoleFixture.now.addingTimeInterval(5)
        let outcome = Result { () throws(StoreError) in try fixture.loader.read(state.needs, now: later) }
        guard case .failure(let error) = outcome else {
            Issue.record("a row of the wrong type was read without complaint")
            return
        }
        #expect(error.kind == .corrupt)
        _ = state.update(.storeFailed(error.message, at: later))
        _ = state.update(.tick(later))
        let grid = ConsoleView.render(state, charset: .utf8)
        #expect(grid.text.contains("JOB STORE UNAVAILABLE"), "\(grid)")
        #expect(grid.text.contains("cannot be read"), "\(grid)")
        #expect(grid.text.contains("store ✗"), "\(grid)")
        #expect(grid.text.contains(shownBefore.description), "the last good data left the screen")
        ScreenChecks.rowsFit(grid)
        // Keys still work.
        for key in [Key.character("4"), .character("3"), .down, .enter, .escape] { _ = state.update(.key(key)) }
        #expect(!state.quitting)
        print("hardening: hostile=0 faults=1 racing=0 lost=0 test=dashboardDamagedRow")
    }

    /// A store this account may only read: the data loads, an action is refused with the reason, nothing changes.
    @Test func aReadOnlyStoreShowsItsDataAndRefusesActionsWithTheReason() throws {
        let fixture = try StoreFixture()
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        let before = try fixture.snapshot()
        let readOnly = try SQLiteJobStore(path: fixture.path, mode: .readOnly)
        let loader = StoreLoader(store: readOnly, account: "sup-eau")
        var state = ConsoleState(
            size: TerminalSize(width: 200, height: 30), now: Date(),
            identity: ConsoleIdentity(actor: Actor(account: "sup-eau"), role: .supervisor, readOnly: false),
            options: ConsoleOptions(factoryName: "test"), registryConfigured: false
        )
        _ = state.update(.key(.character("4")))
        _ = state.update(.storeLoaded(try loader.read(state.needs, now: Date()), at: Date()))
        #expect(state.store?.approvals.rows.contains { $0.id == approval } == true)

        let refusal = refusal { () throws(ActionError) in
            try ActionGate(store: readOnly).perform(.approve(approval, reason: nil), as: Actor(account: "sup-eau"))
        }
        #expect(refusal?.kind == .storeUnavailable)
        let message = refusal?.message ?? ""
        #expect(message.contains("read-only") && message.contains("Nothing was changed"), "\(message)")
        _ = state.update(.actionFinished(.refused(message)))
        #expect(ConsoleView.render(state, charset: .utf8).text.contains("read-only"))
        #expect(try fixture.snapshot() == before)
        print("hardening: hostile=0 faults=1 racing=0 lost=0 test=dashboardReadOnlyStore")
    }

    /// The disk fills up under a run of decisions (SQLite's page limit on the writing connection): the decision
    /// that does not fit fails with the reason and leaves nothing; every one before it has its audit record;
    /// once space is back, deciding works again.
    @Test func aFullDiskFailsTheDecisionCleanlyAndKeepsEveryAuditRecord() throws {
        let fixture = try StoreFixture()
        var approvals: [ApprovalID] = []
        for _ in 0..<120 { approvals.append(try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)) }
        let pages = try fixture.store.bulkLoad { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try fixture.store.bulkLoad { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages + 2)") }

        var decided = 0
        var full: ActionError?
        for approval in approvals {
            let before = try fixture.snapshot()
            do {
                _ = try fixture.gate(at: Date()).perform(.approve(approval, reason: "fill the disk"), as: Actor(account: "sup-eau"))
                decided += 1
            } catch {
                full = error
                #expect(try fixture.snapshot() == before, "a failed decision left something behind")
                #expect(try fixture.store.approval(approval)?.decisions.isEmpty == true)
                break
            }
        }
        let error = try #require(full, "the page limit was never reached after \(decided) decisions")
        #expect(error.kind == .storeUnavailable && error.message.contains("full"), "\(error)")
        #expect(decided > 0)
        #expect(try StoreInvariants.problems(inSQLiteFile: fixture.path).isEmpty)
        #expect(try fixture.store.verifyAudit().firstBreak == nil)

        try fixture.store.bulkLoad { db in _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = 1073741823") }
        _ = try fixture.gate(at: Date()).perform(.approve(approvals[decided], reason: "space is back"), as: Actor(account: "sup-eau"))
        #expect(try StoreInvariants.problems(inSQLiteFile: fixture.path).isEmpty)
        print("hardening: hostile=0 faults=1 racing=0 lost=0 test=dashboardFullDisk (\(decided) decisions before the disk filled)")
    }
}
