import Foundation


/// The columns the runs list can be sorted by.
public enum RunSortKey: String, Sendable, CaseIterable {
    case id
    case title
    case agent
    case project
    case state
    case priority
    case pool
    case gpus
    case submittedAt = "submitted"
}

/// Which runs to read, in what order, and which window of them.
public struct RunQuery: Sendable, Hashable {
    /// Only runs in these states (all when empty).
    public var states: Set<RunState>
    /// Only runs on this pool.
    public var poolID: String?
    /// Only runs of this institute's projects.
    public var instituteID: String?
    /// Only runs whose title, agent or project name contains this text (case-insensitive).
    public var text: String?
    /// The sort column.
    public var sort: RunSortKey
    /// Descending when true.
    public var descending: Bool
    /// Rows to skip.
    public var offset: Int
    /// Rows to return at most.
    public var limit: Int

    /// Creates a query; by default the newest runs first.
    public init(
        states: Set<RunState> = [], poolID: String? = nil, instituteID: String? = nil, text: String? = nil,
        sort: RunSortKey = .submittedAt, descending: Bool = true, offset: Int = 0, limit: Int = 100
    ) {
        self.states = states
        self.poolID = poolID
        self.instituteID = instituteID
        self.text = text
        self.sort = sort
        self.descending = descending
        self.offset = offset
        self.limit = limit
    }
}

extension RunQuery {
    /// The run the text names when it is exactly a run id with its prefix (`R-190233`, `r-190233`): the list then
    /// shows that run alone (if the other filters let it through) rather than runs whose title contains the text.
    public var idInText: RunID? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), text.first?.uppercased() == String(RunID.prefix) else {
            return nil
        }
        return RunID(text)
    }
}
