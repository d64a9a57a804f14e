import Foundation

/// A value bound to a raw SQL statement, or read back from one.
public enum SQLValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as an integer (integers, and text or reals that hold one); nil otherwise.
    public var int64: Int64? {
        switch self {
        case .integer(let value): value
        case .real(let value): Int64(exactly: value)
        case .text(let text): Int64(text)
        case .null: nil
        }
    }

    /// The value as text; nil for NULL.
    public var string: String? {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .null: nil
        }
    }

    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let text): "'\(text)'"
        }
    }
}

/// A Swift value that binds to a raw SQL statement.
public protocol SQLValueConvertible: Sendable {
    /// The bound value.
    var sqlValue: SQLValue { get }
}

extension String: SQLValueConvertible { public var sqlValue: SQLValue { .text(self) } }
extension Int64: SQLValueConvertible { public var sqlValue: SQLValue { .integer(self) } }
extension Int: SQLValueConvertible { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Double: SQLValueConvertible { public var sqlValue: SQLValue { .real(self) } }
extension SQLValue: SQLValueConvertible { public var sqlValue: SQLValue { self } }
extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// One row read by a raw SQL query: its columns in order, values by name.
public struct SQLRow: Sendable, Hashable, CustomStringConvertible {
    /// Column names, in the query's order.
    public var columns: [String]
    /// Values, in the same order.
    public var values: [SQLValue]

    /// Creates a row.
    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of the first column named `column` (NULL when there is none).
    public subscript(_ column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    /// `name:value` pairs in column order; the same text for the same row in either store.
    public var description: String {
        zip(columns, values).map { "\($0):\($1)" }.joined(separator: " ")
    }
}

/// Raw SQL inside one write transaction. Placeholders are `?`, in both stores; every value is bound, never
/// spliced into the text. The SQL must be portable between SQLite and PostgreSQL (plain INSERT, SELECT, UPDATE).
public protocol RawSQLSession {
    /// Runs a statement; without arguments, the SQL may hold several statements separated by `;`.
    func execute(_ sql: String, _ arguments: [any SQLValueConvertible]) throws
    /// Runs a query and returns its rows.
    func rows(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> [SQLRow]
}

extension RawSQLSession {
    /// Runs a statement without arguments.
    public func execute(_ sql: String) throws { try execute(sql, []) }
    /// Runs a query without arguments.
    public func rows(_ sql: String) throws -> [SQLRow] { try rows(sql, []) }
}

/// A store that accepts raw SQL: for bulk loading (the demo factory, test fixtures) only. Operator changes must go
/// through ``ActionGate``, and the runtime's through ``RuntimeService``.
public protocol RawSQLStore: JobStore {
    /// Runs `body` in one write transaction; everything commits together, or nothing when it throws. Rows inserted
    /// with explicit ids are accounted for: later inserts without an id continue after the highest.
    func rawSQL<T>(_ body: (any RawSQLSession) throws -> T) throws(StoreError) -> T
}
