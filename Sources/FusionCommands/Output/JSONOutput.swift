import Foundation
import FactoryModel
import FactoryStore

/// The JSON the command line prints: one array, stable snake_case keys, ISO-8601 UTC times, ids as the other
/// commands accept them. Strings are escaped by the encoder (control characters become `\u001b` and so on), and
/// then every other scalar that could act on a terminal (DEL, C1, bidi, zero-width) by ``TerminalSafeJSON``.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws(CommandFailure) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return TerminalSafeJSON.escaping(String(decoding: try encoder.encode(value), as: UTF8.self))
        } catch {
            throw CommandFailure(exitCode: CommandFailure.unavailableCode, message: "Could not write JSON: \(error)")
        }
    }

    static func time(_ date: Date?) -> String? { date.map(ISO8601.string(from:)) }

    struct RunJSON: Encodable {
        let id, title, agent, project, institute, state, priority, pool, submittedBy, submittedAt: String
        let projectID: String
        let node: String?
        let gpus, cpus: Int
        let startedAt, endedAt, endReason: String?
        let cancelRequest, rerouteRequest: RequestJSON?
        let rerouteTo: String?
        let version: Int64

        enum CodingKeys: String, CodingKey {
            case id, title, agent, project, institute, state, priority, pool, node, gpus, cpus, version
            case projectID = "project_id", submittedBy = "submitted_by", submittedAt = "submitted_at"
            case startedAt = "started_at", endedAt = "ended_at", endReason = "end_reason"
            case cancelRequest = "cancel_request", rerouteRequest = "reroute_request", rerouteTo = "reroute_to"
        }

        init(_ run: Run) {
            id = run.id.description
            title = run.title
            agent = run.agent
            project = run.projectName
            projectID = run.projectID.description
            institute = run.instituteID
            state = run.state.rawValue
            priority = run.priority.name
            pool = run.poolID
            node = run.node
            gpus = run.gpus
            cpus = run.cpus
            submittedBy = run.submittedBy
            submittedAt = ISO8601.string(from: run.submittedAt)
            startedAt = time(run.startedAt)
            endedAt = time(run.endedAt)
            endReason = run.endReason
            cancelRequest = run.cancelRequest.map(RequestJSON.init)
            rerouteRequest = run.rerouteRequest.map(RequestJSON.init)
            rerouteTo = run.rerouteTo
            version = run.version
        }
    }

    struct RequestJSON: Encodable {
        let by, reason, at: String
        init(_ request: RunRequest) {
            by = request.by
            reason = request.reason
            at = ISO8601.string(from: request.at)
        }
    }

    struct DecisionJSON: Encodable {
        let by, decision, role, at: String
        let via, reason: String?
        init(_ decision: Decision) {
            by = decision.decidedBy
            via = decision.via
            self.decision = decision.verdict.rawValue
            role = decision.role.rawValue
            reason = decision.reason
            at = ISO8601.string(from: decision.at)
        }
    }

    struct ApprovalJSON: Encodable {
        let id, runID, subject, proposedAction, rationale, risk, state, requestedBy, requestedAt, dueAt: String
        let requiredApprovals: Int
        let decidedAt: String?
        let project, institute, pool, runTitle: String
        let decisions: [DecisionJSON]
        let version: Int64

        enum CodingKeys: String, CodingKey {
            case id, subject, rationale, risk, state, decisions, project, institute, pool, version
            case runID = "run_id", proposedAction = "proposed_action", requestedBy = "requested_by"
            case requestedAt = "requested_at", dueAt = "due_at", requiredApprovals = "required_approvals"
            case decidedAt = "decided_at", runTitle = "run_title"
        }

        init(_ approval: Approval) {
            id = approval.id.description
            runID = approval.runID.description
            subject = approval.subject
            proposedAction = approval.proposedAction
            rationale = approval.rationale
            risk = approval.risk.rawValue
            state = approval.state.rawValue
            requestedBy = approval.requestedBy
            requestedAt = ISO8601.string(from: approval.requestedAt)
            dueAt = ISO8601.string(from: approval.dueAt)
            requiredApprovals = approval.requiredApprovals
            decidedAt = time(approval.decidedAt)
            project = approval.projectName
            institute = approval.instituteID
            pool = approval.poolID
            runTitle = approval.runTitle
            decisions = approval.decisions.map(DecisionJSON.init)
            version = approval.version
        }
    }

    struct ProjectJSON: Encodable {
        let id, name, sector, phase, health, nextMilestone: String
        let gpuHoursBudget, gpuHoursUsed: Double
        let milestoneDue: String?
        let activeRuns, pendingApprovals: Int

        enum CodingKeys: String, CodingKey {
            case id, name, sector, phase, health
            case nextMilestone = "next_milestone", gpuHoursBudget = "gpu_hours_budget", gpuHoursUsed = "gpu_hours_used"
            case milestoneDue = "milestone_due", activeRuns = "active_runs", pendingApprovals = "pending_approvals"
        }

        init(_ activity: ProjectActivity) {
            let project = activity.project
            id = project.id.description
            name = project.name
            sector = project.sector
            phase = project.phase.rawValue
            health = project.health.rawValue
            nextMilestone = project.nextMilestone
            gpuHoursBudget = project.gpuHoursBudget
            gpuHoursUsed = project.gpuHoursUsed
            milestoneDue = time(project.milestoneDue)
            activeRuns = activity.activeRuns
            pendingApprovals = activity.pendingApprovals
        }
    }

    struct InstituteJSON: Encodable {
        let id, name, region, theme, university: String
        let projects: [ProjectJSON]
    }

    struct AuditJSON: Encodable {
        let seq: Int64
        let at, actor, action, subject, outcome, prevHash, hash: String
        let via: String?
        let details: [String: String]

        enum CodingKeys: String, CodingKey {
            case seq, at, actor, via, action, subject, outcome, details, hash
            case prevHash = "prev_hash"
        }

        init(_ record: AuditRecord) {
            seq = record.seq
            at = ISO8601.string(from: record.at)
            actor = record.actor
            via = record.via
            action = record.action
            subject = record.subject
            outcome = record.outcome.rawValue
            details = (try? JSONDecoder().decode([String: String].self, from: Data(record.details.utf8))) ?? ["raw": record.details]
            prevHash = record.prevHash
            hash = record.hash
        }
    }

    struct OperatorJSON: Encodable {
        let account, role, grantedBy, grantedAt: String
        enum CodingKeys: String, CodingKey {
            case account, role
            case grantedBy = "granted_by", grantedAt = "granted_at"
        }
        init(_ account: OperatorAccount) {
            self.account = account.account
            role = account.role.rawValue
            grantedBy = account.grantedBy
            grantedAt = ISO8601.string(from: account.grantedAt)
        }
    }

    struct PoolJSON: Encodable {
        let id, site, kind: String
        let gpuCapacity, cpuCapacity, gpusInUse, cpusInUse, queued: Int
        enum CodingKeys: String, CodingKey {
            case id, site, kind, queued
            case gpuCapacity = "gpu_capacity", cpuCapacity = "cpu_capacity", gpusInUse = "gpus_in_use", cpusInUse = "cpus_in_use"
        }
        init(_ load: PoolLoad) {
            id = load.pool.id
            site = load.pool.siteID
            kind = load.pool.kind.rawValue
            gpuCapacity = load.pool.gpuCapacity
            cpuCapacity = load.pool.cpuCapacity
            gpusInUse = load.gpusInUse
            cpusInUse = load.cpusInUse
            queued = load.queued
        }
    }
}
