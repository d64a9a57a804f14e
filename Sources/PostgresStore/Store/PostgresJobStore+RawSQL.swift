import FactoryStore
import Foundation

/// Raw SQL on one PostgreSQL write transaction (`?` placeholders become `$n`; every value is bound).
struct PostgresRawSession: RawSQLSession {
    let db: PGConnection

    /// Without arguments the SQL may hold several statements; with arguments, one.
    func execute(_ sql: String, _ arguments: [any SQLValueConvertible]) throws {
        if arguments.isEmpty {
            try db.script(sql)
        } else {
            try db.query(PlaceholderTranslation.numbered(sql), arguments.map(Self.text))
        }
    }

    func rows(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> [SQLRow] {
        let result = try db.query(PlaceholderTranslation.numbered(sql), arguments.map(Self.text))
        return result.values.map { values in
            SQLRow(columns: result.columns, values: zip(values, result.types).map(Self.value))
        }
    }

    /// A result value by its column's type: integers (int2, int4, int8), reals (float4, float8, numeric), text.
    static func value(_ text: String?, type: UInt32) -> SQLValue {
        guard let text else { return .null }
        switch type {
        case 20, 21, 23: return Int64(text).map(SQLValue.integer) ?? .text(text)
        case 700, 701, 1700: return Double(text).map(SQLValue.real) ?? .text(text)
        default: return .text(text)
        }
    }

    static func text(_ argument: any SQLValueConvertible) -> String? {
        switch argument.sqlValue {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): value
        }
    }
}

extension PostgresJobStore {
    public func readSQL<T>(_ body: (any RawSQLSession) throws -> T) throws(StoreError) -> T {
        try read { db in try body(PostgresRawSession(db: db)) }
    }
}

extension PostgresJobStore: RawSQLStore {
    /// Runs `body` in one transaction; afterwards the id sequences continue after the highest ids inserted.
    public func rawSQL<T>(_ body: (any RawSQLSession) throws -> T) throws(StoreError) -> T {
        do {
            return try session.exclusive { access in
                let db = try access.connection()
                try db.script("BEGIN")
                do {
                    let value = try body(PostgresRawSession(db: db))
                    try db.script(Self.continueIdentities)
                    let committed = try db.script("COMMIT")
                    guard committed.command == "COMMIT" else {
                        throw StoreError(.unavailable, "The job store at \(location) rolled the load back; nothing changed.")
                    }
                    return value
                } catch {
                    if db.isBroken { access.drop() } else { _ = try? db.script("ROLLBACK") }
                    throw error
                }
            }
        } catch {
            throw StoreError.postgres(error, location: location)
        }
    }

    /// Moves each identity sequence past the highest id present (rows loaded with explicit ids do not move them);
    /// only where this account may (the owner's loads; a member of the database roles loads nothing with ids).
    static let continueIdentities = ["projects", "runs", "approvals", "decisions"].map { table in
        """
        SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE((SELECT MAX(id) FROM \(table)), 0) + 1, false)
        WHERE has_sequence_privilege(pg_get_serial_sequence('\(table)', 'id'), 'UPDATE');
        """
    }.joined(separator: "\n")
}
