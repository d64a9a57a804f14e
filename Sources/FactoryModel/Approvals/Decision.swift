import Foundation

/// A supervisor's verdict on an approval.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case approve
    case reject
}

/// One person's decision on one approval. Decisions are appended, never edited.
public struct Decision: Codable, Sendable, Hashable {
    /// The approval decided.
    public var approvalID: ApprovalID
    /// The account that decided.
    public var decidedBy: String
    /// `root` when root decided on the account's behalf with `--as`.
    public var via: String?
    /// The role the account held when it decided.
    public var role: Role
    /// Approve or reject.
    public var verdict: Verdict
    /// The reason given (required to reject).
    public var reason: String?
    /// When the decision was committed.
    public var at: Date

    /// Creates a decision.
    public init(approvalID: ApprovalID, decidedBy: String, via: String?, role: Role, verdict: Verdict, reason: String?, at: Date) {
        self.approvalID = approvalID
        self.decidedBy = decidedBy
        self.via = via
        self.role = role
        self.verdict = verdict
        self.reason = reason
        self.at = at
    }
}
