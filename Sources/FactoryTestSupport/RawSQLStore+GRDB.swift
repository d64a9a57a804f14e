import FactoryStore
import GRDB

extension RawSQLStore {
    /// For SQLite-only fixtures that need GRDB itself (bytes that are not UTF-8, SQLite casts): runs `body` on the
    /// SQLite store's raw database in one write transaction. Throws on any other store; portable fixtures use
    /// ``RawSQLStore/rawSQL(_:)`` instead.
    public func bulkLoad<T>(_ body: (Database) throws -> T) throws -> T {
        guard let sqlite = self as? SQLiteJobStore else {
            throw StoreError(.unavailable, "This fixture needs the SQLite store; \(location) is not one.")
        }
        return try sqlite.bulkLoad(body)
    }
}
