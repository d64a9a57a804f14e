import Foundation

/// One decision as the oversight report sees it.
public struct DecisionFact: Sendable, Hashable {
    /// The approval decided.
    public var approvalID: ApprovalID
    /// The supervisor.
    public var decidedBy: String
    /// Approve or reject.
    public var verdict: Verdict
    /// When it was decided.
    public var at: Date
    /// When the approval was asked.
    public var requestedAt: Date
    /// When it was asked, or last reversed before this decision (when the supervisor could first read it afresh).
    public var shownAt: Date
    /// True when this decision was later reversed.
    public var reversed: Bool

    /// Creates a fact.
    public init(
        approvalID: ApprovalID, decidedBy: String, verdict: Verdict, at: Date, requestedAt: Date, shownAt: Date, reversed: Bool
    ) {
        self.approvalID = approvalID
        self.decidedBy = decidedBy
        self.verdict = verdict
        self.at = at
        self.requestedAt = requestedAt
        self.shownAt = shownAt
        self.reversed = reversed
    }
}

/// One supervisor's line of the oversight report.
public struct SupervisorFigures: Sendable, Hashable, Codable {
    /// The supervisor.
    public var account: String
    /// Decisions taken.
    public var decisions: Int
    /// Of which approvals.
    public var approvals: Int
    /// Of which rejections.
    public var rejections: Int
    /// Of which later reversed.
    public var reversed: Int
    /// Approvals over decisions, 0…1.
    public var approvalRate: Double
    /// The median time from the request (or the last reversal) to the decision, in seconds.
    public var medianSecondsToDecide: Double
    /// Decisions taken faster than the minimum reading time: a sign of rubber-stamping.
    public var fasterThanReading: Int
}

/// The oversight report: per supervisor, how many decisions, how often approved, how fast, how many too fast.
public enum OversightReport {
    /// The figures of each supervisor who decided anything among `facts`, by account.
    public static func figures(_ facts: [DecisionFact], minReadingTime: TimeInterval) -> [SupervisorFigures] {
        Dictionary(grouping: facts, by: \.decidedBy).map { account, mine in
            let approvals = mine.filter { $0.verdict == .approve }.count
            let waits = mine.map { max(0, $0.at.timeIntervalSince($0.shownAt)) }
            return SupervisorFigures(
                account: account, decisions: mine.count, approvals: approvals, rejections: mine.count - approvals,
                reversed: mine.filter(\.reversed).count, approvalRate: Double(approvals) / Double(mine.count),
                medianSecondsToDecide: median(waits), fasterThanReading: waits.filter { $0 < minReadingTime }.count
            )
        }.sorted { $0.account < $1.account }
    }

    /// The median of `values` (the mean of the middle two for an even count); 0 when empty.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
