import FactoryModel

/// The sortable columns of the runs list, in the order `s` cycles through them.
public enum RunColumns {
    /// Sort keys in cycle order.
    public static let sortKeys: [RunSortKey] = [.submittedAt, .id, .state, .priority, .pool, .gpus, .project, .agent, .title]
}

/// The orders of the approvals list, in the order `s` cycles through them.
public enum ApprovalColumns {
    /// Sort keys in cycle order.
    public static let sortKeys: [ApprovalSortKey] = [.due, .risk, .requested, .id]
}

/// The sortable columns of the nodes list.
public enum NodeSortKey: String, Sendable, CaseIterable {
    case name, site, pool, kind, status, cpu, memory, gpu, heartbeat
}

/// What the institutes screen lists: each institute, then its projects.
public enum InstituteRow: Sendable, Hashable {
    /// An institute with how many of its projects are red and amber.
    case institute(Institute, projects: Int, red: Int, amber: Int)
    /// One of its projects.
    case project(ProjectActivity)
}
