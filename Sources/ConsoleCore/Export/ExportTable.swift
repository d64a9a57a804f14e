import Foundation

/// A table as exported: column names and rows of plain values, in the order shown on screen.
public struct ExportTable: Sendable, Hashable {
    /// What the rows are (`runs`, `approvals`…), used in file names and as the JSON key.
    public var name: String
    /// The column names.
    public var columns: [String]
    /// The rows; each has one value per column.
    public var rows: [[String]]

    /// Creates a table.
    public init(name: String, columns: [String], rows: [[String]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

/// The file formats of an export, chosen by the file name's extension (`.json`, else CSV).
public enum ExportFormat: String, Sendable, Hashable {
    case csv, json

    /// The format a path asks for: JSON for `.json`, CSV otherwise.
    public static func of(path: String) -> ExportFormat {
        path.lowercased().hasSuffix(".json") ? .json : .csv
    }
}

extension ExportTable {
    /// The table as CSV (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote
    /// or a line break (a quote doubled). A field that a spreadsheet would run as a formula (starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return) gets a leading apostrophe, so opening the file never runs anything.
    public func csv() -> String {
        var lines = [Self.csvLine(columns)]
        lines += rows.map(Self.csvLine)
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One CSV record.
    static func csvLine(_ fields: [String]) -> String {
        fields.map(csvField).joined(separator: ",")
    }

    /// One CSV field, guarded against formula injection and quoted when needed.
    public static func csvField(_ value: String) -> String {
        var field = value
        if let first = field.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            field = "'" + field
        }
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The table as JSON: `{"runs": [{"ID": "R-1", …}, …]}` with the columns in order, pretty-printed.
    public func json() -> String {
        var out = "{\n  " + Self.jsonString(name) + ": ["
        for (index, row) in rows.enumerated() {
            out += index == 0 ? "\n    {" : ",\n    {"
            let pairs = zip(columns, row).map { Self.jsonString($0.0) + ": " + Self.jsonString($0.1) }
            out += pairs.joined(separator: ", ") + "}"
        }
        out += rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// A JSON string literal; every control character escaped.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The file's contents in `format`.
    public func encoded(as format: ExportFormat) -> String {
        format == .json ? json() : csv()
    }
}
