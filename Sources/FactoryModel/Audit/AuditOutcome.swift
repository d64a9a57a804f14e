/// What became of an attempted action, as the audit trail records it.
public enum AuditOutcome: String, Codable, Sendable, CaseIterable {
    /// The change was made.
    case ok
    /// Refused: role, four-eyes or read-only mode.
    case denied
    /// Lost a race or came too late: already decided, expired, state moved on.
    case conflict
}
