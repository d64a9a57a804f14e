import Foundation
import FactoryModel
import GRDB

/// The runs list of the SQLite store: counts and windows that stay fast on a million runs (schema v2).
///
/// - A count never scans the runs: without a text filter it sums `run_counts`; with one it matches the distinct
///   texts (`run_texts`, through its trigram index from three characters) and sums how many runs carry each. Only
///   a text filter combined with a state or pool filter counts runs, through the title index.
/// - A window reads ids from the index of its sort column (the id breaks ties), then the rows of those ids: an
///   offset skips index entries, not rows. The far half of a list is read from its other end.
/// - A text filter that few runs match is driven by the title index; one that many match walks the sort index and
///   keeps the matching rows, which finds a window's rows after a few hundred.
extension SQLiteReads {
    /// A text filter matching fewer runs than this reads them all and sorts them; more walk the sort index.
    static let selectiveMatch = 10_000

    /// The text condition on the distinct texts `t`, with its arguments: the trigram index narrows it from three
    /// characters on, then `LIKE` decides (as it does on the runs), or the project's name matches.
    static func textMatch(_ text: String) -> (sql: String, arguments: StatementArguments) {
        let pattern = SQLiteRows.containsPattern(text)
        let like = "(t.title LIKE ? ESCAPE '\\' OR t.agent LIKE ? ESCAPE '\\')"
        let project = "t.project_id IN (SELECT id FROM projects WHERE name LIKE ? ESCAPE '\\')"
        guard text.count >= 3 else {
            return ("(\(like) OR \(project))", [pattern, pattern, pattern])
        }
        let phrase = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        return (
            "((t.id IN (SELECT rowid FROM run_texts_fts WHERE run_texts_fts MATCH ?) AND \(like)) OR \(project))",
            [phrase, pattern, pattern, pattern]
        )
    }

    /// The structured part of a filter (states, pool, institute) on runs `r` joined to projects `p`.
    static func structuredFilter(_ query: RunQuery, runs r: String = "r") -> (clauses: [String], arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if !query.states.isEmpty {
            let states = query.states.map(\.rawValue).sorted()
            clauses.append("\(r).state IN (\(Array(repeating: "?", count: states.count).joined(separator: ",")))")
            arguments += StatementArguments(states)
        }
        if let pool = query.poolID {
            clauses.append("\(r).pool_id = ?")
            arguments += [pool]
        }
        if let institute = query.instituteID {
            clauses.append("p.institute_id = ?")
            arguments += [institute]
        }
        if let id = query.idInText {
            clauses.append("\(r).id = ?")
            arguments += [id.rawValue]
        }
        return (clauses, arguments)
    }

    /// The free text to match, nil when there is none or when it names a run by its id.
    static func text(of query: RunQuery) -> String? {
        guard let text = query.text, !text.isEmpty, query.idInText == nil else { return nil }
        return text
    }

    // MARK: - Counting

    static func runCount(_ db: Database, _ query: RunQuery) throws -> Int {
        if query.idInText != nil {
            let structured = structuredFilter(query)
            let sql = "SELECT COUNT(*) FROM runs r JOIN projects p ON p.id = r.project_id" + whereClause(structured.clauses)
            return try Int.fetchOne(db, sql: sql, arguments: structured.arguments) ?? 0
        }
        let structured = structuredFilter(query, runs: "c")
        guard let text = text(of: query) else {
            let join = query.instituteID != nil ? " JOIN projects p ON p.id = c.project_id" : ""
            let sql = "SELECT COALESCE(SUM(c.n), 0) FROM run_counts c" + join + whereClause(structured.clauses)
            return try Int.fetchOne(db, sql: sql, arguments: structured.arguments) ?? 0
        }
        let match = textMatch(text)
        if query.states.isEmpty && query.poolID == nil {
            var clauses = [match.sql]
            var arguments = match.arguments
            if let institute = query.instituteID {
                clauses.append("t.project_id IN (SELECT id FROM projects WHERE institute_id = ?)")
                arguments += [institute]
            }
            let sql = "SELECT COALESCE(SUM(t.n), 0) FROM run_texts t" + whereClause(clauses)
            return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
        }
        let candidates = try textCandidates(query, text: text, match: match, indexed: true)
        return try Int.fetchOne(db, sql: "SELECT COUNT(*)" + candidates.sql, arguments: candidates.arguments) ?? 0
    }

    /// `FROM … WHERE …` of the runs matching `query` with a text filter: those whose title is one of the matching
    /// texts' titles (through the title index when `indexed`), then exactly as the text filter says.
    private static func textCandidates(
        _ query: RunQuery, text: String, match: (sql: String, arguments: StatementArguments), indexed: Bool
    ) throws -> (sql: String, arguments: StatementArguments) {
        let structured = structuredFilter(query)
        let pattern = SQLiteRows.containsPattern(text)
        let titles = "\(indexed ? "" : "+")r.title IN (SELECT t.title FROM run_texts t WHERE t.n > 0 AND \(match.sql))"
        let exact = "(r.title LIKE ? ESCAPE '\\' OR r.agent LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\')"
        var arguments = match.arguments
        arguments += [pattern, pattern, pattern]
        arguments += structured.arguments
        let sql = " FROM runs r JOIN projects p ON p.id = r.project_id"
            + whereClause([titles, exact] + structured.clauses)
        return (sql, arguments)
    }

    // MARK: - Windows

    static func runOrder(_ query: RunQuery, reversed: Bool = false) -> String {
        let direction = query.descending != reversed ? "DESC" : "ASC"
        let column: String
        switch query.sort {
        case .id: return " ORDER BY r.id \(direction)"
        case .project: return " ORDER BY p.name \(direction), p.id \(direction), r.id \(direction)"
        case .title: column = "r.title"
        case .agent: column = "r.agent"
        case .state: column = "r.state"
        case .priority: column = "r.priority"
        case .pool: column = "r.pool_id"
        case .gpus: column = "r.gpus"
        case .submittedAt: column = "r.submitted_at"
        }
        return " ORDER BY \(column) \(direction), r.id \(direction)"
    }

    static func runs(_ db: Database, _ query: RunQuery, total known: Int? = nil) throws -> [Run] {
        let limit = max(0, query.limit)
        let offset = max(0, query.offset)
        guard limit > 0 else { return [] }
        let total = try known ?? runCount(db, query)
        guard offset < total else { return [] }
        // The far half is read from the other end, so that no offset is more than half the list.
        let reversed = offset > total / 2
        let take = min(limit, total - offset)
        let skip = reversed ? total - offset - take : offset
        let ids = try windowIDs(db, query, total: total, reversed: reversed, limit: take, offset: skip)
        let ordered = reversed ? Array(ids.reversed()) : ids
        guard !ordered.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: ordered.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            db, sql: SQLiteRows.runSelect + " WHERE r.id IN (\(placeholders))", arguments: StatementArguments(ordered)
        )
        var byID: [Int64: Run] = [:]
        for row in rows {
            let run = try SQLiteRows.run(row)
            byID[run.id.rawValue] = run
        }
        return ordered.compactMap { byID[$0] }
    }

    /// The ids of one window, in the list's order (or the reverse order when `reversed`), read from an index.
    private static func windowIDs(
        _ db: Database, _ query: RunQuery, total: Int, reversed: Bool, limit: Int, offset: Int
    ) throws -> [Int64] {
        let order = runOrder(query, reversed: reversed)
        var from: String
        var arguments: StatementArguments
        if let text = text(of: query) {
            let candidates = try textCandidates(query, text: text, match: textMatch(text), indexed: total <= selectiveMatch)
            from = candidates.sql
            arguments = candidates.arguments
        } else {
            let structured = structuredFilter(query)
            let needsProjects = query.sort == .project || query.instituteID != nil
            from = needsProjects ? " FROM runs r JOIN projects p ON p.id = r.project_id" : " FROM runs r"
            if query.sort == .project && query.instituteID == nil {
                from = " FROM projects p JOIN runs r ON r.project_id = p.id"
            }
            from += whereClause(structured.clauses)
            arguments = structured.arguments
        }
        arguments += [limit, offset]
        return try Int64.fetchAll(db, sql: "SELECT r.id" + from + order + " LIMIT ? OFFSET ?", arguments: arguments)
    }

    static func whereClause(_ clauses: [String]) -> String {
        clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
    }
}
