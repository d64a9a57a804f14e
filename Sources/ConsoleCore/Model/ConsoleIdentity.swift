import FactoryModel

/// Who is at the console and what the session allows.
public struct ConsoleIdentity: Sendable, Hashable {
    /// The account actions are attributed to.
    public var actor: Actor
    /// Its role (refreshed from the store).
    public var role: Role
    /// `--read-only`: every action is refused by the gate, and shown as unavailable.
    public var readOnly: Bool

    /// Creates an identity.
    public init(actor: Actor, role: Role, readOnly: Bool) {
        self.actor = actor
        self.role = role
        self.readOnly = readOnly
    }

    /// Why `action` is unavailable to this session, or nil when it is available.
    public func unavailability(of action: ActionDialog.Kind, _ tr: Localizer = .english) -> String? {
        if readOnly { return tr("read-only session") }
        let needed: Role
        switch action {
        case .approve, .reject, .pause, .confirmPause, .resume, .reverse: needed = .supervisor
        case .cancel, .reroute, .escalate: needed = .operator
        }
        return role >= needed ? nil : tr("needs the \(tr.template(needed.rawValue)) role (you are \(tr.template(role.rawValue)))")
    }
}
