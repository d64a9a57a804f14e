import FactoryModel
import Foundation

/// Decoding of PostgreSQL rows into model values (the same columns as the SQLite store). Unknown enum text in a
/// row is reported, never trapped on.
enum PostgresRows {
    static func enumValue<E: RawRepresentable>(_ row: PGRow, _ column: String) throws -> E where E.RawValue == String {
        let text = row.string(column)
        guard let value = E(rawValue: text) else {
            throw PGRow.BadValue(description: "unexpected \(column) '\(text.prefix(40))' in the store")
        }
        return value
    }

    static let epoch = Date(timeIntervalSince1970: 0)

    static func site(_ row: PGRow) throws -> Site {
        Site(id: row.string("id"), name: row.string("name"), tier: try enumValue(row, "tier"), region: row.string("region"))
    }

    static func pool(_ row: PGRow) throws -> Pool {
        Pool(
            id: row.string("id"), siteID: row.string("site_id"), kind: try enumValue(row, "kind"),
            gpuCapacity: try row.int("gpu_capacity"), cpuCapacity: try row.int("cpu_capacity")
        )
    }

    static func institute(_ row: PGRow) -> Institute {
        Institute(
            id: row.string("id"), name: row.string("name"), region: row.string("region"), theme: row.string("theme"),
            university: row.string("university")
        )
    }

    static func project(_ row: PGRow) throws -> Project {
        Project(
            id: ProjectID(rawValue: try row.int64("id")), instituteID: row.string("institute_id"), name: row.string("name"),
            sector: row.string("sector"), phase: try enumValue(row, "phase"), health: try enumValue(row, "health"),
            gpuHoursBudget: row.double("gpu_hours_budget"), gpuHoursUsed: row.double("gpu_hours_used"),
            nextMilestone: row.string("next_milestone"), milestoneDue: row.date("milestone_due_at")
        )
    }

    static func request(_ row: PGRow, _ prefix: String) -> RunRequest? {
        guard let by = row["\(prefix)_requested_by"], let at = row.date("\(prefix)_requested_at") else { return nil }
        return RunRequest(by: by, reason: row["\(prefix)_reason"] ?? "", at: at)
    }

    static func run(_ row: PGRow) throws -> Run {
        Run(
            id: RunID(rawValue: try row.int64("id")), agent: row.string("agent"), title: row.string("title"),
            projectID: ProjectID(rawValue: try row.int64("project_id")), state: try enumValue(row, "state"),
            priority: RunPriority(rawValue: try row.int("priority")) ?? .normal, poolID: row.string("pool_id"),
            node: row["node"], gpus: try row.int("gpus"), cpus: try row.int("cpus"), submittedBy: row.string("submitted_by"),
            submittedAt: row.date("submitted_at") ?? epoch, startedAt: row.date("started_at"), endedAt: row.date("ended_at"),
            endReason: row["end_reason"], cancelRequest: request(row, "cancel"), rerouteRequest: request(row, "reroute"),
            rerouteTo: row["reroute_to"], version: try row.int64("version"), projectName: row.string("project_name"),
            instituteID: row.string("institute_id")
        )
    }

    static func decision(_ row: PGRow) throws -> Decision {
        Decision(
            approvalID: ApprovalID(rawValue: try row.int64("approval_id")), decidedBy: row.string("decided_by"),
            via: row["via"], role: try enumValue(row, "role"), verdict: try enumValue(row, "verdict"),
            reason: row["reason"], at: row.date("at") ?? epoch
        )
    }

    static func approval(_ row: PGRow, decisions: [Decision]) throws -> Approval {
        Approval(
            id: ApprovalID(rawValue: try row.int64("id")), runID: RunID(rawValue: try row.int64("run_id")),
            subject: row.string("subject"), proposedAction: row.string("proposed_action"), rationale: row.string("rationale"),
            risk: try enumValue(row, "risk"), requiredApprovals: try row.int("required_approvals"),
            requestedBy: row.string("requested_by"), requestedAt: row.date("requested_at") ?? epoch,
            dueAt: row.date("due_at") ?? epoch, state: try enumValue(row, "state"), decidedAt: row.date("decided_at"),
            version: try row.int64("version"), decisions: decisions, runTitle: row.string("run_title"),
            runSubmittedBy: row.string("run_submitted_by"), projectName: row.string("project_name"),
            instituteID: row.string("institute_id"), poolID: row.string("pool_id")
        )
    }

    static func operatorAccount(_ row: PGRow) throws -> OperatorAccount {
        OperatorAccount(
            account: row.string("account"), role: try enumValue(row, "role"), grantedBy: row.string("granted_by"),
            grantedAt: row.date("granted_at") ?? epoch
        )
    }

    static func audit(_ row: PGRow) throws -> AuditRecord {
        AuditRecord(
            seq: try row.int64("seq"), at: row.date("at") ?? epoch, actor: row.string("actor"), via: row["via"],
            action: row.string("action"), subject: row.string("subject"), outcome: try enumValue(row, "outcome"),
            details: row.string("details"), prevHash: row.string("prev_hash"), hash: row.string("hash")
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

    /// An ILIKE pattern matching `text` anywhere, with `%`, `_` and `\` taken literally (use with ESCAPE '\').
    /// ILIKE, because SQLite's LIKE ignores case too.
    static func containsPattern(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%\(escaped)%"
    }
}
