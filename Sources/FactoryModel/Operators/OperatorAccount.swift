import Foundation

/// An account listed in the store with its role.
public struct OperatorAccount: Codable, Sendable, Hashable {
    /// The operating-system account name.
    public var account: String
    /// Its role.
    public var role: Role
    /// Who granted it.
    public var grantedBy: String
    /// When.
    public var grantedAt: Date

    /// Creates an operator record.
    public init(account: String, role: Role, grantedBy: String, grantedAt: Date) {
        self.account = account
        self.role = role
        self.grantedBy = grantedBy
        self.grantedAt = grantedAt
    }
}
