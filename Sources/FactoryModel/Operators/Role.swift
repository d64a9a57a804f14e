/// What an account may do. Each role can do everything the one before it can.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Reads everything, changes nothing. Every account not listed in `operators` is a viewer.
    case viewer
    /// Also cancels and reroutes runs.
    case `operator`
    /// Also approves and rejects flagged decisions.
    case supervisor
    /// Also grants roles.
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// `a viewer`, `an operator`, `a supervisor`, `an admin`.
    public var withArticle: String {
        switch self {
        case .operator, .admin: "an \(rawValue)"
        case .viewer, .supervisor: "a \(rawValue)"
        }
    }
}
