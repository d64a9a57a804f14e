import Foundation


/// The orders the approvals list can take; pending approvals always come first.
public enum ApprovalSortKey: String, Sendable, CaseIterable {
    /// Nearest deadline first.
    case due
    /// Highest risk first.
    case risk
    /// Most recently requested first.
    case requested
    /// By id.
    case id
}

/// Which approvals to read. Pending ones come first, then in the sort's order (nearest deadline by default).
public struct ApprovalQuery: Sendable, Hashable {
    /// Only approvals in these states (all when empty).
    public var states: Set<ApprovalState>
    /// Only approvals whose subject, project or run title contains this text (case-insensitive).
    public var text: String?
    /// The order after pending-first.
    public var sort: ApprovalSortKey
    /// Reverses the sort's natural direction.
    public var reversed: Bool
    /// Rows to skip.
    public var offset: Int
    /// Rows to return at most.
    public var limit: Int

    /// Creates a query.
    public init(
        states: Set<ApprovalState> = [.pending], text: String? = nil, sort: ApprovalSortKey = .due, reversed: Bool = false,
        offset: Int = 0, limit: Int = 100
    ) {
        self.states = states
        self.text = text
        self.sort = sort
        self.reversed = reversed
        self.offset = offset
        self.limit = limit
    }
}

/// Which audit records to read, newest first.
public struct AuditQuery: Sendable, Hashable {
    /// Only records whose actor, action, subject or details contain this text.
    public var text: String?
    /// Records to skip from the newest.
    public var offset: Int
    /// Records to return at most.
    public var limit: Int

    /// Creates a query.
    public init(text: String? = nil, offset: Int = 0, limit: Int = 100) {
        self.text = text
        self.offset = offset
        self.limit = limit
    }
}

extension ApprovalQuery {
    /// The approval the text names when it is exactly an approval id with its prefix (`A-4821`, `a-4821`): the list
    /// then shows that approval alone (if its state passes) rather than approvals whose subject contains the text.
    public var idInText: ApprovalID? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), text.first?.uppercased() == String(ApprovalID.prefix)
        else { return nil }
        return ApprovalID(text)
    }
}
