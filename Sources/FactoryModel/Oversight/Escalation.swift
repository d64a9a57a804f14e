import Foundation

/// An approval near its deadline handed to a named supervisor. Escalations are appended, never edited.
public struct Escalation: Sendable, Hashable {
    /// The approval escalated.
    public var approvalID: ApprovalID
    /// Who escalated it (an operator or a supervisor).
    public var escalatedBy: String
    /// The supervisor it was escalated to.
    public var to: String
    /// Why. Untrusted text.
    public var reason: String
    /// When.
    public var at: Date

    /// Creates an escalation.
    public init(approvalID: ApprovalID, escalatedBy: String, to: String, reason: String, at: Date) {
        self.approvalID = approvalID
        self.escalatedBy = escalatedBy
        self.to = to
        self.reason = reason
        self.at = at
    }
}
