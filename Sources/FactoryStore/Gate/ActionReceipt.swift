import FactoryModel

/// What a successful action did, for the command line and the status line.
public struct ActionReceipt: Sendable, Equatable {
    /// The action taken.
    public var action: String
    /// The item acted on.
    public var subject: String
    /// One sentence for the operator, e.g. `Approved A-4821: 1 of 2 approvals; one more supervisor must approve.`
    public var message: String
    /// The audit record written with the change.
    public var auditSeq: Int64

    /// Creates a receipt.
    public init(action: String, subject: String, message: String, auditSeq: Int64) {
        self.action = action
        self.subject = subject
        self.message = message
        self.auditSeq = auditSeq
    }
}
