import ConsoleCore
import FactoryModel
import FactoryStore
import Foundation
import Testing

/// SQL in the dashboard's `/` filter: typed key by key as an operator would, read through the live loader. The
/// text only ever reaches SQLite as a bound LIKE pattern with its wildcards escaped: the tables survive, and the
/// rows shown are the ones whose text holds the typed characters literally.
@Suite("SQL in the dashboard's filter")
struct HostileFilterTests {
    static let injections = [
        "'; DROP TABLE runs; --", "' OR '1'='1", "\" OR 1=1 --", ") UNION SELECT * FROM operators --",
        "pool:x';DROP inst:'OR'1'='1 state:queued'", "\\", "%' --", "; DELETE FROM audit_log",
    ]

    func counts(_ fixture: ConsoleFixture) throws -> [Int] {
        [
            try fixture.store.runCount(RunQuery()), try fixture.store.approvalCount(ApprovalQuery(states: [])),
            try fixture.store.auditCount(AuditQuery()), try fixture.store.operators().count, try fixture.store.institutes().count,
        ]
    }

    func filter(_ text: String, on screen: Screen, _ fixture: ConsoleFixture) throws -> ConsoleState {
        var state = try fixture.state(screen: screen, width: 120, height: 40)
        // Typed key by key; the store is read once at the end (as the loader coalesces reads while one runs).
        for key in [Key.character("/")] + text.map({ Key.character($0) }) + [.enter] { _ = state.update(.key(key)) }
        try fixture.settle(&state)
        return state
    }

    @Test(arguments: [Screen.runs, .approvals, .audit])
    func injectionsMatchNothingAndChangeNothing(screen: Screen) throws {
        let fixture = try ConsoleFixture()
        let before = try counts(fixture)
        for text in Self.injections {
            let state = try filter(text, on: screen, fixture)
            #expect(state.storeStatus.error == nil, "\(text): \(state.storeStatus.error ?? "")")
            let shown: Int
            switch screen {
            case .runs: shown = state.store?.runs.total ?? -1
            case .approvals: shown = state.store?.approvals.total ?? -1
            default: shown = state.store?.audit.total ?? -1
            }
            // `key:value` tokens the screen does not know are ignored (the approvals list has no pool or institute).
            let ignoredTokens = screen == .approvals && text.contains(":")
            #expect(shown == 0 || ignoredTokens, "\(screen) filter \(text) matched \(shown) rows")
        }
        #expect(try counts(fixture) == before, "a filter changed the store")
        print("hardening: hostile=\(Self.injections.count) faults=0 racing=0 lost=0 test=dashboardFilterSQL \(screen)")
    }

    @Test func likeWildcardsAreTakenLiterally() throws {
        let fixture = try ConsoleFixture()
        let runtime = RuntimeService(store: fixture.store, clock: FixedClock(ConsoleFixture.now))
        let literal = try runtime.submit(NewRun(
            agent: "quota-agent", title: "Quota 100% _exact_ o'clock \\ path", projectID: ProjectID(rawValue: 1), priority: .low,
            poolID: "dakhla-gpu", gpus: 1, cpus: 1, submittedBy: "quota-agent", submittedAt: ConsoleFixture.now
        ))
        for text in ["100%", "%", "_exact_", "_", "o'clock", "\\ path"] {
            let state = try filter(text, on: .runs, fixture)
            let ids = state.store?.runs.rows.map(\.id) ?? []
            #expect(ids == [literal], "filter \(text) gave \(ids.prefix(5))")
        }
    }
}
