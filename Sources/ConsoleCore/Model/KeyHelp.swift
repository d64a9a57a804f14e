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
    /// The command these keys run, when they are one command's keys.
    public var command: KeyCommand?
    /// The key the footer shows (the command's first key).
    public var footerKeys: String

    /// Creates a key help entry.
    public init(_ keys: String, _ action: String, unavailable: String? = nil, inFooter: Bool = false, footer: String? = nil) {
        self.keys = keys
        self.action = action
        self.unavailable = unavailable
        self.inFooter = inFooter
        self.footerLabel = footer ?? action
        self.footerKeys = keys
    }

    /// Every key of `screen` for this session, as bound in `keys`, its words in the language of `tr`.
    public static func entries(
        for screen: Screen, identity: ConsoleIdentity, keys: KeyMap = .standard, tr: Localizer = .english
    ) -> [KeyHelp] {
        func entry(_ command: KeyCommand, _ action: String? = nil, unavailable: String? = nil, footer: String? = nil) -> KeyHelp {
            var help = KeyHelp(keys.label(for: command), action ?? command.summary, unavailable: unavailable,
                               inFooter: footer != nil && !keys.keys(for: command).isEmpty, footer: footer)
            help.command = command
            // The footer shows one key per command.
            if footer != nil, let primary = keys.primaryLabel(for: command) { help.footerKeys = primary }
            return help
        }
        var entries: [KeyHelp] = []
        switch screen {
        case .overview:
            entries += [
                entry(.approve, "approve the nearest pending approval", unavailable: identity.unavailability(of: .approve, tr),
                      footer: "approve"),
                entry(.reject, "reject it (reason required)", unavailable: identity.unavailability(of: .reject, tr), footer: "reject"),
            ]
        case .approvals:
            entries += [
                entry(.approve, unavailable: identity.unavailability(of: .approve, tr), footer: "approve"),
                entry(.reject, unavailable: identity.unavailability(of: .reject, tr), footer: "reject"),
                entry(.reverseDecision, unavailable: identity.unavailability(of: .reverse, tr)),
                entry(.escalate, unavailable: identity.unavailability(of: .escalate, tr)),
            ]
        case .runs:
            entries += [
                entry(.cancel, unavailable: identity.unavailability(of: .cancel, tr), footer: "cancel"),
                entry(.reroute, unavailable: identity.unavailability(of: .reroute, tr), footer: "move"),
                entry(.undo, unavailable: identity.unavailability(of: .cancel, tr)),
            ]
        case .nodes, .institutes, .audit:
            break
        }
        if screen.hasList {
            entries += [
                entry(.details, footer: "details"),
                entry(.filter, "filter as you type; Esc clears" + filterHint(screen), footer: "filter"),
                entry(.up), entry(.down), entry(.pageUp), entry(.pageDown), entry(.first), entry(.last),
            ]
            if screen == .runs || screen == .approvals || screen == .nodes {
                entries += [entry(.sort, footer: "sort"), entry(.reverseSort)]
            }
            entries.append(entry(.back))
            entries.append(entry(.export, "export the rows in view (CSV; a .json name for JSON)"))
            if screen != .institutes { entries.append(entry(.copyID)) }
        }
        let screens: [KeyCommand] = [.overview, .nodes, .runs, .approvals, .institutes, .audit]
        if screens.allSatisfy({ keys.keys(for: $0) == KeyMap.standard.keys(for: $0) }) {
            var screensHelp = KeyHelp("1-6", "switch screen (1 Overview … 6 Audit)")
            screensHelp.command = .overview
            entries.append(screensHelp)
        } else {
            entries += screens.map { entry($0) }
        }
        entries += [
            entry(.nextScreen), entry(.previousScreen), entry(.command),
            entry(.pause, unavailable: identity.unavailability(of: .pause, tr)),
            entry(.actions), entry(.selfStats),
            entry(.refresh), entry(.redraw), entry(.help, footer: "help"), entry(.quit, footer: "quit"),
        ]
        return entries.map { $0.localized(tr) }
    }

    private static func filterHint(_ screen: Screen) -> String {
        switch screen {
        case .runs: " (text, an id R-190233, state:queued pool:dakhla-gpu inst:guelmim)"
        case .approvals: " (text, an id A-4821, state:pending)"
        case .nodes: " (text, kind:gpu status:down site:dakhla)"
        default: ""
        }
    }
}
