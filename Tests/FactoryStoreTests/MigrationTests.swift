import Foundation
import GRDB
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("Opening, creating and migrating stores")
struct MigrationTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("fusion-mig-\(UUID().uuidString)/store.sqlite").path
    }

    @Test func anEmptyStoreMigratesToTheCurrentSchemaWithPrivateFileModes() throws {
        let path = temporaryPath()
        let store = try SQLiteJobStore(path: path, mode: .createIfMissing)
        #expect(try store.schemaVersion() == JobStoreSchema.version)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes[.posixPermissions] as? Int ?? 0o777) & 0o777
        #expect(mode & 0o027 == 0, "store file mode \(String(mode, radix: 8)) is too open")
        let folderMode = (try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int ?? 0o777) & 0o777
        #expect(folderMode == 0o700)
    }

    @Test func rerunningMigrationsKeepsTheData() throws {
        let path = temporaryPath()
        do {
            let store = try SQLiteJobStore(path: path, mode: .createIfMissing)
            try StoreBootstrap.claimAdmin(for: Actor(account: "first"), in: store, at: Date())
        }
        let reopened = try SQLiteJobStore(path: path, mode: .createIfMissing)
        #expect(try reopened.schemaVersion() == JobStoreSchema.version)
        #expect(try reopened.role(of: "first") == .admin)
        #expect(try reopened.verifyAudit() == AuditVerification(checked: 1, firstBreak: nil))
    }

    @Test func aStoreFromANewerConsoleIsRefusedClearly() throws {
        let path = temporaryPath()
        _ = try SQLiteJobStore(path: path, mode: .createIfMissing)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        #expect {
            _ = try SQLiteJobStore(path: path)
        } throws: { error in
            (error as? StoreError)?.kind == .schemaTooNew
        }
    }

    @Test func aMissingStoreIsReportedWithWhatToDo() throws {
        let path = temporaryPath()
        #expect {
            _ = try SQLiteJobStore(path: path)
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.kind == .missing && error.message.contains("fusion-console init")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotAStoreIsReportedAsSuch() throws {
        let path = temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(String(repeating: "not a database ", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteJobStore(path: path)
        } throws: { error in
            (error as? StoreError)?.kind == .corrupt
        }
    }

    @Test func changesByAnotherConnectionMoveTheChangeToken() throws {
        let path = temporaryPath()
        let watcher = try SQLiteJobStore(path: path, mode: .createIfMissing)
        let writer = try SQLiteJobStore(path: path)
        let before = try watcher.changeToken()
        #expect(try watcher.changeToken() == before)
        try StoreBootstrap.claimAdmin(for: Actor(account: "someone"), in: writer, at: Date())
        #expect(try watcher.changeToken() != before)
        let middle = try watcher.changeToken()
        _ = try ActionGate(store: watcher).perform(.grant(account: "ops", role: .operator), as: Actor(account: "someone"))
        #expect(try watcher.changeToken() != middle, "the store's own commits must move the token too")
    }
}
