import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

/// The runs list sorts by every column the Runs screen shows, in both directions, the run's id breaking ties; and
/// a window read from the far end of the list (as the store does past its middle) holds the same rows as the same
/// window read from the start.
@Suite("Sorting the runs list")
struct RunSortTests {
    /// The sort key's value of a run, comparable across runs (the fixture's runs share one project).
    static func value(_ run: Run, _ key: RunSortKey) -> String {
        func padded(_ number: Int) -> String { String(repeating: "0", count: max(0, 12 - String(number).count)) + String(number) }
        switch key {
        case .id, .project: return ""
        case .title: return run.title
        case .agent: return run.agent
        case .state: return run.state.rawValue
        case .priority: return padded(run.priority.rawValue)
        case .pool: return run.poolID
        case .gpus: return padded(run.gpus)
        case .submittedAt: return padded(Int(run.submittedAt.timeIntervalSince1970 * 1000))
        }
    }

    @Test(arguments: RunSortKey.allCases)
    func everyKeyOrdersTheRunsAndIdsBreakTies(key: RunSortKey) throws {
        let fixture = try StoreFixture()
        let pools = ["dakhla-gpu", "benguerir-gpu", "rabat-cpu"]
        for index in 0..<24 {
            _ = try fixture.makeRun(state: index % 3 == 0 ? .running : .queued, pool: pools[index % 3], gpus: index % 3 == 2 ? 0 : [1, 8, 2, 4][index % 4])
        }
        for descending in [false, true] {
            let all = try fixture.store.runs(RunQuery(sort: key, descending: descending, limit: 1_000))
            #expect(all.count == 24)
            for (earlier, later) in zip(all, all.dropFirst()) {
                let (a, b) = (Self.value(earlier, key), Self.value(later, key))
                let inOrder = a == b ? (descending ? earlier.id.rawValue > later.id.rawValue : earlier.id.rawValue < later.id.rawValue)
                    : (descending ? a > b : a < b)
                #expect(inOrder, "\(key) \(descending ? "descending" : "ascending"): \(earlier.id) (\(a)) before \(later.id) (\(b))")
            }
            // A window past the middle (read from the other end) equals the same slice of the whole list.
            let far = try fixture.store.runs(RunQuery(sort: key, descending: descending, offset: 18, limit: 4))
            #expect(far.map(\.id) == Array(all[18..<22]).map(\.id), "\(key): the far window disagrees")
        }
    }
}
