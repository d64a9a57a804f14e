/// SQL text with its parameters, built together: each value is appended as a parameter and the text gets its
/// placeholder (`$1`, `$2`…), so a value never becomes part of the SQL.
struct PGQuery {
    private(set) var sql: String
    private(set) var parameters: [String?] = []

    init(_ sql: String = "") {
        self.sql = sql
    }

    /// Appends fixed SQL text.
    mutating func append(_ text: String) { sql += text }

    /// Adds a parameter and returns its placeholder.
    mutating func bind(_ value: String?) -> String {
        parameters.append(value)
        return "$\(parameters.count)"
    }

    mutating func bind(_ value: Int64) -> String { bind(String(value)) }
    mutating func bind(_ value: Int) -> String { bind(String(value)) }

    /// Adds parameters and returns their placeholders separated by commas (for `IN (…)`).
    mutating func bindList(_ values: [String]) -> String {
        values.map { bind($0) }.joined(separator: ", ")
    }
}

extension PGConnection {
    /// Runs a built query.
    @discardableResult
    func run(_ query: PGQuery) throws(PGError) -> PGRows {
        try self.query(query.sql, query.parameters)
    }
}
