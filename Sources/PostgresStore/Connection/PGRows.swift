import CLibPQ
import FactoryModel
import Foundation

/// The rows of one statement's result, copied out of libpq (text format), and what the statement did.
struct PGRows {
    /// Column names in order.
    var columns: [String]
    /// Column type OIDs in order (20 bigint, 23 integer, 701 double precision, 25 text…).
    var types: [UInt32]
    /// Values by row then column; nil is SQL NULL.
    var values: [[String?]]
    /// Rows the statement inserted, updated or deleted.
    var affected: Int
    /// The command tag (`COMMIT`, `ROLLBACK`, `UPDATE 1`…).
    var command: String

    var count: Int { values.count }
    var rows: [PGRow] { values.map { PGRow(columns: columns, values: $0) } }
    var first: PGRow? { values.first.map { PGRow(columns: columns, values: $0) } }

    /// Copies a result and frees it; throws the server's error when the statement failed.
    static func take(_ result: OpaquePointer?, from connection: OpaquePointer) throws(PGError) -> PGRows {
        guard let result else {
            throw PGError(message: String(cString: PQerrorMessage(connection)), connectionLost: PQstatus(connection) != CONNECTION_OK)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            break
        default:
            func field(_ code: UInt8) -> String? { PQresultErrorField(result, Int32(code)).map { String(cString: $0) } }
            let state = field(UInt8(ascii: "C"))
            let message = field(UInt8(ascii: "M")) ?? String(cString: PQresultErrorMessage(result))
            let lost = PQstatus(connection) != CONNECTION_OK || state?.hasPrefix("08") == true
                || ["57P01", "57P02", "57P03"].contains(state ?? "")
            throw PGError(sqlState: state, message: message, detail: field(UInt8(ascii: "D")), connectionLost: lost)
        }
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        let types = (0..<columnCount).map { UInt32(PQftype(result, Int32($0))) }
        var values: [[String?]] = []
        values.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            values.append((0..<columnCount).map { column in
                PQgetisnull(result, Int32(row), Int32(column)) == 1
                    ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
            })
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return PGRows(columns: columns, types: types, values: values, affected: affected, command: String(cString: PQcmdStatus(result)))
    }
}

/// One row of a result, read by column name. Unexpected values are reported, never trapped on.
struct PGRow {
    var columns: [String]
    var values: [String?]

    struct BadValue: Error, CustomStringConvertible {
        let description: String
    }

    /// The raw text of a column; nil for NULL or an unknown column.
    subscript(_ column: String) -> String? {
        guard let index = columns.firstIndex(of: column) else { return nil }
        return values[index]
    }

    func string(_ column: String) -> String { self[column] ?? "" }

    func int64(_ column: String) throws -> Int64 {
        guard let value = optionalInt64(column) else { throw BadValue(description: "missing or non-integer \(column) in the store") }
        return value
    }

    func optionalInt64(_ column: String) -> Int64? {
        guard let text = self[column] else { return nil }
        return Int64(text) ?? Double(text).flatMap { Int64(exactly: $0) }
    }

    func int(_ column: String) throws -> Int { Int(try int64(column)) }

    func double(_ column: String) -> Double { self[column].flatMap(Double.init) ?? 0 }

    func bool(_ column: String) -> Bool { self[column] == "t" }

    func date(_ column: String) -> Date? { optionalInt64(column).map(Date.init(epochMilliseconds:)) }
}
