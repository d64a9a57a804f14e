import Foundation

/// The queue at a glance, as the overview shows it.
public struct QueueSummary: Sendable, Hashable {
    /// Runs in each state (states with none are absent).
    public var byState: [RunState: Int]
    /// Runs that failed in the hour before the summary was read.
    public var failedLastHour: Int
    /// When the oldest queued run was submitted.
    public var oldestQueuedAt: Date?
    /// Pending approvals.
    public var pendingApprovals: Int
    /// Pending approvals of high risk.
    public var pendingHighRisk: Int
    /// The nearest deadline among pending approvals.
    public var nearestDue: Date?

    /// Creates a summary.
    public init(
        byState: [RunState: Int], failedLastHour: Int, oldestQueuedAt: Date?, pendingApprovals: Int,
        pendingHighRisk: Int, nearestDue: Date?
    ) {
        self.byState = byState
        self.failedLastHour = failedLastHour
        self.oldestQueuedAt = oldestQueuedAt
        self.pendingApprovals = pendingApprovals
        self.pendingHighRisk = pendingHighRisk
        self.nearestDue = nearestDue
    }

    /// Runs in `state`.
    public func count(_ state: RunState) -> Int { byState[state] ?? 0 }
}

/// A project with what is happening in it now, for the institutes screen.
public struct ProjectActivity: Sendable, Hashable {
    /// The project.
    public var project: Project
    /// Runs not yet ended.
    public var activeRuns: Int
    /// Approvals waiting for a human.
    public var pendingApprovals: Int

    /// Creates a project activity row.
    public init(project: Project, activeRuns: Int, pendingApprovals: Int) {
        self.project = project
        self.activeRuns = activeRuns
        self.pendingApprovals = pendingApprovals
    }
}
