import FactoryModel

/// The static content of the demo factory: its sites, pools and nodes, the Jazari institutes and their projects,
/// the agents that work for them and the accounts of the demo's operators.
///
/// Everything here is fixed; ``DemoFactory`` draws the moving parts (runs, approvals, the history) from it with a
/// seeded generator. Names are realistic but invented: no real person is named anywhere.
///
/// ## Topics
/// ### Infrastructure
/// - ``sites``
/// - ``pools``
/// - ``nodes``
/// ### Institutes and their work
/// - ``institutes``
/// - ``projects``
/// - ``agents``
/// ### People
/// - ``accounts``
public enum DemoCatalogue {}

/// A node of the demo factory, as the simulator serves it over the registry API.
public struct DemoNode: Sendable, Hashable, Identifiable {
    /// Stable identifier, unique in the factory (the host name), e.g. `dkh-gpu-001`, `guelmim-2`.
    public var id: String
    /// Host name shown to operators.
    public var name: String
    /// The site the node stands in (a ``DemoCatalogue/sites`` id).
    public var site: String
    /// The pool that schedules work on it (a ``DemoCatalogue/pools`` id).
    public var pool: String
    /// GPU, CPU or Edge.
    public var kind: ResourceKind
    /// GPUs in the node (0 for CPU nodes and most edge nodes).
    public var gpuCount: Int
    /// The GPUs' model name, e.g. `H100 SXM5 80GB`; empty when the node has none.
    public var gpuModel: String
    /// Frame-buffer memory of one GPU, MiB, as `nvidia-smi` reports it (0 when none).
    public var gpuMemMiB: Int
    /// CPU cores.
    public var cores: Int
    /// Main memory, GiB.
    public var memoryGiB: Int

    /// Creates a node.
    public init(
        id: String, name: String, site: String, pool: String, kind: ResourceKind, gpuCount: Int, gpuModel: String,
        gpuMemMiB: Int, cores: Int, memoryGiB: Int
    ) {
        self.id = id
        self.name = name
        self.site = site
        self.pool = pool
        self.kind = kind
        self.gpuCount = gpuCount
        self.gpuModel = gpuModel
        self.gpuMemMiB = gpuMemMiB
        self.cores = cores
        self.memoryGiB = memoryGiB
    }
}

/// An agent of the automation platform: what it does, where it runs and how many GPUs its runs ask for.
public struct DemoAgent: Sendable, Hashable, Identifiable {
    /// The agent's name, e.g. `hydro-planner` (also the account it submits runs as).
    public var id: String
    /// One line on what it does.
    public var summary: String
    /// The pools its runs go to, the usual one first.
    public var pools: [String]
    /// GPU counts its runs ask for on a GPU pool (1–8); empty for agents that never use GPUs.
    public var gpuChoices: [Int]

    /// Creates an agent.
    public init(id: String, summary: String, pools: [String], gpuChoices: [Int]) {
        self.id = id
        self.summary = summary
        self.pools = pools
        self.gpuChoices = gpuChoices
    }
}

/// A kind of decision an agent flags for a human, with placeholders (see ``DemoTemplate``) for the numbers.
public struct DemoApprovalTemplate: Sendable, Hashable {
    /// One line saying what is to be decided, e.g. `Allocation des aides eau — {Souss-Massa|Drâa-Tafilalet}`.
    public var subject: String
    /// What happens if approved.
    public var proposedAction: String
    /// The agent's rationale and evidence, with numbers.
    public var rationale: String
    /// How much harm a wrong decision could do.
    public var risk: Risk
    /// The agent that raises it (nil: the project's first agent).
    public var agent: String?

    /// Creates an approval template.
    public init(subject: String, proposedAction: String, rationale: String, risk: Risk, agent: String? = nil) {
        self.subject = subject
        self.proposedAction = proposedAction
        self.rationale = rationale
        self.risk = risk
        self.agent = agent
    }
}

/// A project of an institute, with what the demo needs to invent its work.
public struct DemoProject: Sendable, Hashable, Identifiable {
    /// The project's id, printed `P-8`.
    public var id: ProjectID
    /// The institute that runs it (a ``DemoCatalogue/institutes`` id).
    public var instituteID: String
    /// Name shown to operators, in French.
    public var name: String
    /// One of the agreements' sectors (`water`, `energy`, `health`…).
    public var sector: String
    /// Ideation, pilot or industrialised.
    public var phase: ProjectPhase
    /// Green, amber or red.
    public var health: ProjectHealth
    /// GPU hours granted.
    public var gpuHoursBudget: Double
    /// GPU hours consumed so far.
    public var gpuHoursUsed: Double
    /// The next milestone.
    public var nextMilestone: String
    /// Days from the demo's `now` to the milestone.
    public var milestoneInDays: Int
    /// The supervisor accountable for the project's decisions (a ``DemoCatalogue/accounts`` name).
    public var supervisor: String
    /// The agents that work for it, the main one first.
    public var agents: [String]
    /// Titles of its runs, with placeholders.
    public var runTitles: [String]
    /// The decisions its agents flag for a human.
    public var approvals: [DemoApprovalTemplate]
    /// True for the five structuring AI-Gov pilots.
    public var isAIGovPilot: Bool

    /// Creates a project.
    public init(
        id: Int64, instituteID: String, name: String, sector: String, phase: ProjectPhase, health: ProjectHealth,
        gpuHoursBudget: Double, gpuHoursUsed: Double, nextMilestone: String, milestoneInDays: Int, supervisor: String,
        agents: [String], runTitles: [String], approvals: [DemoApprovalTemplate] = [], isAIGovPilot: Bool = false
    ) {
        self.id = ProjectID(rawValue: id)
        self.instituteID = instituteID
        self.name = name
        self.sector = sector
        self.phase = phase
        self.health = health
        self.gpuHoursBudget = gpuHoursBudget
        self.gpuHoursUsed = gpuHoursUsed
        self.nextMilestone = nextMilestone
        self.milestoneInDays = milestoneInDays
        self.supervisor = supervisor
        self.agents = agents
        self.runTitles = runTitles
        self.approvals = approvals
        self.isAIGovPilot = isAIGovPilot
    }

    /// How much of the factory's work is the project's: pilots and services in production run the most.
    public var workWeight: Int {
        let base = phase == .ideation ? 1 : 3
        return isAIGovPilot ? base + 2 : base
    }
}

/// A demo operator account and its role.
public struct DemoAccount: Sendable, Hashable {
    /// The account name (valid per `AccountName.isValid`).
    public var account: String
    /// Its role in the demo.
    public var role: Role
    /// Who uses it, in a few words.
    public var summary: String

    /// Creates an account.
    public init(account: String, role: Role, summary: String) {
        self.account = account
        self.role = role
        self.summary = summary
    }
}
