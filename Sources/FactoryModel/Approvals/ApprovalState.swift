/// Where a request for human approval stands. Only `pending` ever changes.
public enum ApprovalState: String, Codable, Sendable, CaseIterable {
    /// Waiting for supervisors.
    case pending
    /// Enough distinct supervisors approved; the run may act on it.
    case approved
    /// A supervisor rejected it; the run ends.
    case rejected
    /// Its deadline passed before it was decided. Never approved by default.
    case expired
    /// Its run was cancelled before anyone decided.
    case withdrawn

    /// True for every state but `pending`.
    public var isFinal: Bool { self != .pending }
}

/// How much harm a wrong decision could do. High risk needs two supervisors.
public enum Risk: String, Codable, Sendable, CaseIterable, Comparable {
    case low
    case medium
    case high

    /// The short label used in tables: `LOW`, `MED`, `HIGH`.
    public var shortLabel: String {
        switch self {
        case .low: "LOW"
        case .medium: "MED"
        case .high: "HIGH"
        }
    }

    /// Distinct supervisors needed before an approval of this risk takes effect.
    public var defaultRequiredApprovals: Int { self == .high ? 2 : 1 }

    public static func < (lhs: Risk, rhs: Risk) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
