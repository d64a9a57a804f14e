/// The keys of each screen: the footer shows the main ones, `?` shows them all.
public struct KeyHelp: Sendable, Hashable {
    /// The keys, as shown (`a`, `PgDn/Space`).
    public var keys: String
    /// What they do.
    public var action: String
    /// Why the action is unavailable to this session, if it is.
    public var unavailable: String?
    /// Whether the footer shows it.
    public var inFooter: Bool
    /// The footer's one-word label (`approve`, `details`); the action when not given.
    public var footerLabel: String

    /// Creates a key help entry.
    public init(_ keys: String, _ action: String, unavailable: String? = nil, inFooter: Bool = false, footer: String? = nil) {
        self.keys = keys
        self.action = action
        self.unavailable = unavailable
        self.inFooter = inFooter
        self.footerLabel = footer ?? action
    }

    /// Every key of `screen` for this session.
    public static func entries(for screen: Screen, identity: ConsoleIdentity) -> [KeyHelp] {
        var entries: [KeyHelp] = []
        switch screen {
        case .overview:
            entries += [
                KeyHelp("a", "approve the nearest pending approval", unavailable: identity.unavailability(of: .approve), inFooter: true,
                        footer: "approve"),
                KeyHelp("r", "reject it (reason required)", unavailable: identity.unavailability(of: .reject), inFooter: true,
                        footer: "reject"),
            ]
        case .approvals:
            entries += [
                KeyHelp("a", "approve", unavailable: identity.unavailability(of: .approve), inFooter: true, footer: "approve"),
                KeyHelp("r", "reject (reason required)", unavailable: identity.unavailability(of: .reject), inFooter: true,
                        footer: "reject"),
                KeyHelp("U", "reverse its decision (in its window)", unavailable: identity.unavailability(of: .reverse)),
                KeyHelp("e", "escalate it (:escalate A-12 SUPERVISOR)", unavailable: identity.unavailability(of: .escalate)),
            ]
        case .runs:
            entries += [
                KeyHelp("c", "cancel the run (reason required)", unavailable: identity.unavailability(of: .cancel), inFooter: true,
                        footer: "cancel"),
                KeyHelp("m", "move it to another pool", unavailable: identity.unavailability(of: .reroute), inFooter: true,
                        footer: "move"),
            ]
        case .nodes, .institutes, .audit:
            break
        }
        if screen.hasList {
            entries += [
                KeyHelp("Enter", "open or close the detail", inFooter: true, footer: "details"),
                KeyHelp("/", "filter as you type; Esc clears" + filterHint(screen), inFooter: true, footer: "filter"),
                KeyHelp("↑↓ j k", "move"),
                KeyHelp("PgUp PgDn Space", "page up and down"),
                KeyHelp("g G Home End", "first and last row"),
            ]
            if screen == .runs || screen == .approvals || screen == .nodes {
                entries += [KeyHelp("s", "next sort column", inFooter: true, footer: "sort"), KeyHelp("S", "reverse the sort")]
            }
            entries.append(KeyHelp("Esc", "close the detail, clear the filter, back to the overview"))
        }
        entries += [
            KeyHelp("1-6 Tab", "switch screen (1 Overview … 6 Audit)"),
            KeyHelp(":", "go to a screen by name (:runs), :q quits"),
            KeyHelp("P", ":pause pool|site NAME [drain], :confirm/:resume H-2",
                    unavailable: identity.unavailability(of: .pause)),
            KeyHelp("R F5", "refresh now"),
            KeyHelp("Ctrl-L", "redraw the screen"),
            KeyHelp("?", "this help", inFooter: true, footer: "help"),
            KeyHelp("q", "quit (Ctrl-C always quits)", inFooter: true, footer: "quit"),
        ]
        return entries
    }

    private static func filterHint(_ screen: Screen) -> String {
        switch screen {
        case .runs: " (text, state:queued pool:dakhla-gpu inst:guelmim)"
        case .approvals: " (text, state:pending)"
        case .nodes: " (text, kind:gpu status:down site:dakhla)"
        default: ""
        }
    }
}
