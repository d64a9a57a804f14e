import Foundation

/// An operator's request on a run that the runtime has yet to carry out: who asked, why and when.
public struct RunRequest: Codable, Sendable, Hashable {
    /// The account that asked.
    public var by: String
    /// The reason given.
    public var reason: String
    /// When it was asked.
    public var at: Date

    /// Creates a request record.
    public init(by: String, reason: String, at: Date) {
        self.by = by
        self.reason = reason
        self.at = at
    }
}

/// A unit of work an agent runs for a project, on a pool of the factory.
public struct Run: Sendable, Hashable, Identifiable {
    /// The run's id, printed `R-190233`.
    public var id: RunID
    /// The agent that runs it, e.g. `hydro-planner`.
    public var agent: String
    /// What it does, e.g. `Prévision de pénurie — bassin du Souss`. Untrusted text.
    public var title: String
    /// The project it works for.
    public var projectID: ProjectID
    /// Where it is in its life.
    public var state: RunState
    /// How urgently it should be scheduled.
    public var priority: RunPriority
    /// The pool it is scheduled on.
    public var poolID: String
    /// The node it runs on, once started.
    public var node: String?
    /// GPUs it asks for.
    public var gpus: Int
    /// CPU cores it asks for.
    public var cpus: Int
    /// The account or agent that submitted it.
    public var submittedBy: String
    /// When it was submitted.
    public var submittedAt: Date
    /// When it last started running.
    public var startedAt: Date?
    /// When it reached a terminal state.
    public var endedAt: Date?
    /// Why it ended, when the runtime says (`rejected by sup-eau`, `out of memory`…).
    public var endReason: String?
    /// A pending or acknowledged cancel request.
    public var cancelRequest: RunRequest?
    /// A pending or acknowledged reroute request.
    public var rerouteRequest: RunRequest?
    /// The pool a `reroute_requested` run is to move to.
    public var rerouteTo: String?
    /// Bumped on every change; a change is applied only if it still matches (compare-and-set).
    public var version: Int64
    /// The project's name (read with the run, for display).
    public var projectName: String
    /// The project's institute (read with the run, for display and filtering).
    public var instituteID: String

    /// Creates a run.
    public init(
        id: RunID, agent: String, title: String, projectID: ProjectID, state: RunState, priority: RunPriority,
        poolID: String, node: String? = nil, gpus: Int, cpus: Int, submittedBy: String, submittedAt: Date,
        startedAt: Date? = nil, endedAt: Date? = nil, endReason: String? = nil, cancelRequest: RunRequest? = nil,
        rerouteRequest: RunRequest? = nil, rerouteTo: String? = nil, version: Int64 = 1,
        projectName: String = "", instituteID: String = ""
    ) {
        self.id = id
        self.agent = agent
        self.title = title
        self.projectID = projectID
        self.state = state
        self.priority = priority
        self.poolID = poolID
        self.node = node
        self.gpus = gpus
        self.cpus = cpus
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.endReason = endReason
        self.cancelRequest = cancelRequest
        self.rerouteRequest = rerouteRequest
        self.rerouteTo = rerouteTo
        self.version = version
        self.projectName = projectName
        self.instituteID = instituteID
    }
}
