/// Which key runs which ``KeyCommand``: the defaults, changed by the `[keys]` section of the config.
///
/// The footer and the `?` help show the keys actually bound. Build a configured map with
/// ``configured(_:environment:)``, which also reports conflicts and keys a terminal multiplexer takes.
public struct KeyMap: Sendable, Hashable {
    /// The keys of each command, in the order they are shown.
    public private(set) var bindings: [KeyCommand: [Key]]
    private var lookup: [Key: KeyCommand]

    /// A map of exactly these bindings (a key bound twice goes to the command listed first).
    public init(bindings: [KeyCommand: [Key]]) {
        self.bindings = bindings
        var lookup: [Key: KeyCommand] = [:]
        for command in KeyCommand.allCases {
            for key in bindings[command] ?? [] where lookup[key] == nil { lookup[key] = command }
        }
        self.lookup = lookup
    }

    /// The keys of the console before any configuration.
    public static let standard = KeyMap(bindings: [
        .up: [.up, .character("k")], .down: [.down, .character("j")],
        .pageUp: [.pageUp, .control("b")], .pageDown: [.pageDown, .control("f"), .character(" ")],
        .first: [.home, .character("g")], .last: [.end, .character("G")],
        .details: [.enter], .back: [.escape], .filter: [.character("/")], .command: [.character(":")],
        .sort: [.character("s")], .reverseSort: [.character("S")],
        .approve: [.character("a")], .reject: [.character("r")], .cancel: [.character("c")], .reroute: [.character("m")],
        .undo: [.character("u")], .reverseDecision: [.character("U")], .escalate: [.character("e")],
        .pause: [.character("P")], .actions: [.character("@")], .export: [.character("x")], .copyID: [.character("y")],
        .selfStats: [.character("%")],
        .refresh: [.character("R"), .function(5)], .redraw: [.control("l")], .help: [.character("?"), .function(1)],
        .quit: [.character("q")], .nextScreen: [.tab], .previousScreen: [.backTab],
        .overview: [.character("1")], .nodes: [.character("2")], .runs: [.character("3")], .approvals: [.character("4")],
        .institutes: [.character("5")], .audit: [.character("6")],
    ])

    /// The command `key` runs, if any.
    public func command(for key: Key) -> KeyCommand? { lookup[key] }

    /// The keys bound to `command`, in the order shown.
    public func keys(for command: KeyCommand) -> [Key] { bindings[command] ?? [] }

    /// The keys of `command` as shown (`R F5`); `(no key)` when none is bound.
    public func label(for command: KeyCommand) -> String {
        let keys = self.keys(for: command)
        return keys.isEmpty ? "(no key)" : keys.map(KeyName.label).joined(separator: " ")
    }

    /// The first key of `command` as shown (`a`), for the footer; nil when none is bound.
    public func primaryLabel(for command: KeyCommand) -> String? {
        keys(for: command).first.map(KeyName.label)
    }
}
