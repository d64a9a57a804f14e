import Foundation
import FactoryModel
import GRDB

/// Decoding of stored rows into model values, without ever trapping on what the file holds.
///
/// SQLite does not enforce column types: anyone who can write the file can put a BLOB of invalid UTF-8 in a
/// TEXT column, or text in an INTEGER one. GRDB's `row["column"]` traps on such a value, which would crash the
/// console; every column is read here through ``text(_:_:)``, ``integer(_:_:)`` and friends instead. Text is
/// taken whatever its storage (a BLOB's bytes are decoded leniently, invalid UTF-8 becoming U+FFFD), and a value
/// that cannot be what its column means is reported as a ``BadRow``, never trapped on.
enum SQLiteRows {
    struct BadRow: Error, CustomStringConvertible {
        let description: String
    }

    /// The stored value of `column` (a missing column is a bad row, not a trap).
    static func value(_ row: Row, _ column: String) throws -> DatabaseValue {
        do {
            return try row.decode(DatabaseValue.self, forColumn: column)
        } catch {
            throw BadRow(description: "no column \(column) in the store")
        }
    }

    /// Text of a column that may be NULL, whatever its storage class.
    static func optionalText(_ row: Row, _ column: String) throws -> String? {
        switch try value(row, column).storage {
        case .null: return nil
        case .string(let text): return text
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        }
    }

    /// Text of a NOT NULL column.
    static func text(_ row: Row, _ column: String) throws -> String {
        guard let text = try optionalText(row, column) else {
            throw BadRow(description: "\(column) is empty (NULL) in the store")
        }
        return text
    }

    /// A whole number of a column that may be NULL.
    static func optionalInteger(_ row: Row, _ column: String) throws -> Int64? {
        let stored = try value(row, column)
        switch stored.storage {
        case .null: return nil
        case .int64(let number): return number
        case .double(let number):
            if let whole = Int64(exactly: number) { return whole }
        case .string(let text):
            if let whole = Int64(text.trimmingCharacters(in: .whitespaces)) { return whole }
        case .blob:
            break
        }
        throw BadRow(description: "unexpected \(column) \(quoted(stored)) in the store, expected a whole number")
    }

    /// A whole number of a NOT NULL column.
    static func integer(_ row: Row, _ column: String) throws -> Int64 {
        guard let number = try optionalInteger(row, column) else {
            throw BadRow(description: "\(column) is empty (NULL) in the store")
        }
        return number
    }

    /// A whole number that fits an `Int`.
    static func int(_ row: Row, _ column: String) throws -> Int {
        let number = try integer(row, column)
        guard let fitted = Int(exactly: number) else { throw BadRow(description: "\(column) \(number) is out of range") }
        return fitted
    }

    /// A real number of a NOT NULL column.
    static func real(_ row: Row, _ column: String) throws -> Double {
        let stored = try value(row, column)
        switch stored.storage {
        case .double(let number): return number
        case .int64(let number): return Double(number)
        case .string(let text):
            if let number = Double(text.trimmingCharacters(in: .whitespaces)) { return number }
        case .null, .blob:
            break
        }
        throw BadRow(description: "unexpected \(column) \(quoted(stored)) in the store, expected a number")
    }

    /// A short, inert description of a stored value for a message (no control characters, at most 40 characters).
    private static func quoted(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .blob(let data): return "(\(data.count) bytes)"
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text):
            let printable = text.prefix(40).unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : String($0) }
            return "'" + printable.joined() + "'"
        }
    }

    static func date(_ row: Row, _ column: String) throws -> Date? {
        try optionalInteger(row, column).map(Date.init(epochMilliseconds:))
    }

    static func enumValue<E: RawRepresentable>(_ row: Row, _ column: String) throws -> E where E.RawValue == String {
        let text = try optionalText(row, column) ?? ""
        guard let value = E(rawValue: text) else {
            let printable = text.prefix(40).unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : String($0) }
            throw BadRow(description: "unexpected \(column) '\(printable.joined())' in the store")
        }
        return value
    }

    static func site(_ row: Row) throws -> Site {
        Site(id: try text(row, "id"), name: try text(row, "name"), tier: try enumValue(row, "tier"), region: try text(row, "region"))
    }

    static func pool(_ row: Row) throws -> Pool {
        Pool(
            id: try text(row, "id"), siteID: try text(row, "site_id"), kind: try enumValue(row, "kind"),
            gpuCapacity: try int(row, "gpu_capacity"), cpuCapacity: try int(row, "cpu_capacity")
        )
    }

    static func institute(_ row: Row) throws -> Institute {
        Institute(
            id: try text(row, "id"), name: try text(row, "name"), region: try text(row, "region"), theme: try text(row, "theme"),
            university: try optionalText(row, "university") ?? ""
        )
    }

    static func project(_ row: Row) throws -> Project {
        Project(
            id: ProjectID(rawValue: try integer(row, "id")), instituteID: try text(row, "institute_id"), name: try text(row, "name"),
            sector: try text(row, "sector"), phase: try enumValue(row, "phase"), health: try enumValue(row, "health"),
            gpuHoursBudget: try real(row, "gpu_hours_budget"), gpuHoursUsed: try real(row, "gpu_hours_used"),
            nextMilestone: try optionalText(row, "next_milestone") ?? "", milestoneDue: try date(row, "milestone_due_at")
        )
    }

    static func request(_ row: Row, _ prefix: String) throws -> RunRequest? {
        guard let by = try optionalText(row, "\(prefix)_requested_by"), let at = try date(row, "\(prefix)_requested_at") else {
            return nil
        }
        return RunRequest(by: by, reason: try optionalText(row, "\(prefix)_reason") ?? "", at: at)
    }

    static func run(_ row: Row) throws -> Run {
        let priorityRank = try int(row, "priority")
        return Run(
            id: RunID(rawValue: try integer(row, "id")), agent: try text(row, "agent"), title: try text(row, "title"),
            projectID: ProjectID(rawValue: try integer(row, "project_id")), state: try enumValue(row, "state"),
            priority: RunPriority(rawValue: priorityRank) ?? .normal, poolID: try text(row, "pool_id"),
            node: try optionalText(row, "node"), gpus: try int(row, "gpus"), cpus: try int(row, "cpus"),
            submittedBy: try text(row, "submitted_by"),
            submittedAt: try date(row, "submitted_at") ?? Date(timeIntervalSince1970: 0),
            startedAt: try date(row, "started_at"), endedAt: try date(row, "ended_at"), endReason: try optionalText(row, "end_reason"),
            cancelRequest: try request(row, "cancel"), rerouteRequest: try request(row, "reroute"),
            rerouteTo: try optionalText(row, "reroute_to"), version: try integer(row, "version"),
            projectName: try optionalText(row, "project_name") ?? "", instituteID: try optionalText(row, "institute_id") ?? ""
        )
    }

    static func decision(_ row: Row) throws -> Decision {
        Decision(
            approvalID: ApprovalID(rawValue: try integer(row, "approval_id")), decidedBy: try text(row, "decided_by"),
            via: try optionalText(row, "via"), role: try enumValue(row, "role"), verdict: try enumValue(row, "verdict"),
            reason: try optionalText(row, "reason"), at: try date(row, "at") ?? Date(timeIntervalSince1970: 0)
        )
    }

    static func approval(_ row: Row, decisions: [Decision]) throws -> Approval {
        Approval(
            id: ApprovalID(rawValue: try integer(row, "id")), runID: RunID(rawValue: try integer(row, "run_id")),
            subject: try text(row, "subject"), proposedAction: try text(row, "proposed_action"),
            rationale: try text(row, "rationale"), risk: try enumValue(row, "risk"),
            requiredApprovals: try int(row, "required_approvals"), requestedBy: try text(row, "requested_by"),
            requestedAt: try date(row, "requested_at") ?? Date(timeIntervalSince1970: 0),
            dueAt: try date(row, "due_at") ?? Date(timeIntervalSince1970: 0), state: try enumValue(row, "state"),
            decidedAt: try date(row, "decided_at"), version: try integer(row, "version"), decisions: decisions,
            runTitle: try optionalText(row, "run_title") ?? "", runSubmittedBy: try optionalText(row, "run_submitted_by") ?? "",
            projectName: try optionalText(row, "project_name") ?? "", instituteID: try optionalText(row, "institute_id") ?? "",
            poolID: try optionalText(row, "pool_id") ?? ""
        )
    }

    static func operatorAccount(_ row: Row) throws -> OperatorAccount {
        OperatorAccount(
            account: try text(row, "account"), role: try enumValue(row, "role"), grantedBy: try text(row, "granted_by"),
            grantedAt: try date(row, "granted_at") ?? Date(timeIntervalSince1970: 0)
        )
    }

    static func audit(_ row: Row) throws -> AuditRecord {
        AuditRecord(
            seq: try integer(row, "seq"), at: try date(row, "at") ?? Date(timeIntervalSince1970: 0), actor: try text(row, "actor"),
            via: try optionalText(row, "via"), action: try text(row, "action"), subject: try text(row, "subject"),
            outcome: try enumValue(row, "outcome"), details: try text(row, "details"), prevHash: try text(row, "prev_hash"),
            hash: try text(row, "hash")
        )
    }

    /// The run columns with the project's name and institute.
    static let runSelect = """
        SELECT r.*, p.name AS project_name, p.institute_id AS institute_id
        FROM runs r JOIN projects p ON p.id = r.project_id
        """

    /// The approval columns with their run's title, submitter, pool and project.
    static let approvalSelect = """
        SELECT a.*, r.title AS run_title, r.submitted_by AS run_submitted_by, r.pool_id AS pool_id,
               p.name AS project_name, p.institute_id AS institute_id
        FROM approvals a JOIN runs r ON r.id = a.run_id JOIN projects p ON p.id = r.project_id
        """

    /// A LIKE pattern matching `text` anywhere, with `%`, `_` and `\` taken literally (use with ESCAPE '\').
    static func containsPattern(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%\(escaped)%"
    }
}
