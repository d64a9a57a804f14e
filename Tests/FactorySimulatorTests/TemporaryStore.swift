import Foundation
import FactoryModel
import FactoryStore

/// A job store in a fresh temporary folder, removed when the test is done with it.
final class TemporaryStore {
    let folder: URL
    let store: SQLiteJobStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-demo-\(UUID().uuidString)")
        store = try SQLiteJobStore(path: folder.appendingPathComponent("factory.sqlite").path, mode: .createIfMissing)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// A fixed present for the demo: 2026-11-21T03:12:45Z.
let demoNow = Date(timeIntervalSince1970: 1_795_230_765)

/// The account that creates the demo stores in tests.
let demoCreator = Actor(account: "fusion-admin")
