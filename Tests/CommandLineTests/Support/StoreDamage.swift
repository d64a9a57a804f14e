import Foundation
import FactoryTestSupport
import GRDB

/// The ways a store file can be missing or damaged.
enum StoreDamage: String, CaseIterable, CustomStringConvertible, Sendable {
    case missing, garbage, truncated, blobInATextColumn, textInAnIntegerColumn

    var description: String { rawValue }

    /// Words the message must hold.
    var expectedWords: String {
        switch self {
        case .missing: "There is no job store"
        case .garbage, .truncated: "damaged"
        case .blobInATextColumn, .textInAnIntegerColumn: "cannot be read"
        }
    }

    /// Damages `fixture`'s store (or a copy) and returns the path to use.
    func apply(to fixture: StoreFixture) throws -> String {
        let folder = fixture.folder
        switch self {
        case .missing:
            return folder.appendingPathComponent("nowhere/factory.sqlite").path
        case .garbage:
            let path = folder.appendingPathComponent("garbage.sqlite").path
            var random = SystemRandomNumberGenerator()
            try Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: URL(fileURLWithPath: path))
            return path
        case .truncated:
            let queue = try DatabaseQueue(path: fixture.path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try queue.close()
            let data = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
            let path = folder.appendingPathComponent("truncated.sqlite").path
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
            return path
        case .blobInATextColumn:
            try fixture.store.bulkLoad { db in try db.execute(sql: "UPDATE approvals SET subject = X'ff00fe1b5b324a'") }
            return fixture.path
        case .textInAnIntegerColumn:
            try fixture.store.bulkLoad { db in try db.execute(sql: "UPDATE runs SET gpus = 'many'") }
            return fixture.path
        }
    }
}
