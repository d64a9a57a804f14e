import Foundation
import GRDB

/// Raw SQL on one SQLite write transaction (statements are prepared once per connection and reused).
struct SQLiteRawSession: RawSQLSession {
    let db: Database

    /// Without arguments the SQL may hold several statements; with arguments, one (prepared once, reused).
    func execute(_ sql: String, _ arguments: [any SQLValueConvertible]) throws {
        if arguments.isEmpty {
            try db.execute(sql: sql)
        } else {
            try db.cachedStatement(sql: sql).execute(arguments: Self.bind(arguments))
        }
    }

    func rows(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> [SQLRow] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.bind(arguments)).map { row in
            SQLRow(columns: Array(row.columnNames), values: row.databaseValues.map(Self.value))
        }
    }

    static func bind(_ arguments: [any SQLValueConvertible]) -> StatementArguments {
        StatementArguments(arguments.map { argument -> DatabaseValue in
            switch argument.sqlValue {
            case .null: .null
            case .integer(let value): value.databaseValue
            case .real(let value): value.databaseValue
            case .text(let value): value.databaseValue
            }
        })
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
        }
    }
}

extension SQLiteJobStore {
    public func readSQL<T>(_ body: (any RawSQLSession) throws -> T) throws(StoreError) -> T {
        try read { db in try body(SQLiteRawSession(db: db)) }
    }
}

extension SQLiteJobStore: RawSQLStore {
    public func rawSQL<T>(_ body: (any RawSQLSession) throws -> T) throws(StoreError) -> T {
        try bulkLoad { db in try body(SQLiteRawSession(db: db)) }
    }
}
