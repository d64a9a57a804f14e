import Foundation
import GRDB

extension SQLiteJobStore {
    /// Creates a new SQLite store at `path` and fills it in one go, for generating large factories
    /// (`fusion-console seed`); never for operator changes, which go through ``ActionGate``.
    ///
    /// The file must not exist yet. It is created (0640) with the first schema; `load` then runs in one transaction
    /// with the rollback journal and `fsync` off and a large page cache, which is what makes a million rows take
    /// seconds; the later migrations follow, deriving their counters and indexes from the loaded rows. Afterwards the store is switched to WAL, like every store. When `load` throws, the file is
    /// removed: a half-filled store is never left behind. (A crash of the machine during the load leaves a file that
    /// the next `seed` refuses as not empty; delete it and seed again.)
    ///
    /// - Returns: what `load` returned.
    public static func bulkCreate<T>(path: String, load: (Database) throws -> T) throws(StoreError) -> T {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(
                .unavailable,
                "\(path) already exists; a store is generated only into a new file. Nothing was changed. "
                    + "Give another --store path, or delete that file first if it is a generated store you no longer need."
            )
        }
        try createFile(at: path)
        do {
            var configuration = Configuration()
            configuration.label = "fusion-job-store-bulk"
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            // The rows first, on the first schema; the later migrations then derive their tables and indexes from them
            // in one pass each (as when an older store is upgraded), which is far faster than row by row.
            let migrator = SQLiteSchema.migrator()
            try migrator.migrate(queue, upTo: SQLiteSchema.migrationIDs[0])
            let result = try queue.write { db in
                // Indexes are built once from the loaded rows (a sort) rather than entry by entry.
                let indexes = try Row.fetchAll(
                    db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                ).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
                for index in indexes { try db.execute(sql: "DROP INDEX \(index.name)") }
                let result = try load(db)
                for index in indexes { try db.execute(sql: index.sql) }
                return result
            }
            try migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            try queue.close()
            return result
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw StoreError.from(error, location: path)
        }
    }
}
