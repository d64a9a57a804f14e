/// What a key asks the dashboard to do, by name: the layer between the keys (remappable in the `[keys]` section of
/// the config) and the update function. The raw value is the name used in the config file (`approve = "a"`).
///
/// Ctrl-C always quits and cannot be remapped. Inside a dialog, a filter, the command line or a prompt, the editing
/// keys (Tab, Enter, Esc, arrows, Backspace) keep their meaning.
public enum KeyCommand: String, Sendable, Hashable, CaseIterable, Comparable {
    case up, down
    case pageUp = "page_up"
    case pageDown = "page_down"
    case first, last
    case details, back, filter, command, sort
    case reverseSort = "reverse_sort"
    case approve, reject, cancel, reroute, undo
    case actions
    case export
    case copyID = "copy_id"
    case selfStats = "self_stats"
    case refresh, redraw, help, quit
    case nextScreen = "next_screen"
    case previousScreen = "previous_screen"
    case overview, nodes, runs, approvals, institutes, audit

    /// What the command does, for the `?` help.
    public var summary: String {
        switch self {
        case .up: "move up"
        case .down: "move down"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .first: "first row"
        case .last: "last row"
        case .details: "open or close the detail"
        case .back: "close the detail, clear the filter, back to the overview"
        case .filter: "filter as you type; Esc clears"
        case .command: "go to a screen by name (:runs), :q quits"
        case .sort: "next sort column"
        case .reverseSort: "reverse the sort"
        case .approve: "approve"
        case .reject: "reject (reason required)"
        case .cancel: "cancel the run (reason required)"
        case .reroute: "move it to another pool"
        case .undo: "take back the latest held cancel or move before it is sent"
        case .actions: "what this session did, as command lines"
        case .export: "export the rows in view to a CSV or JSON file"
        case .copyID: "copy the selected id to the clipboard (OSC 52)"
        case .selfStats: "show the console's own CPU, memory, polls and output"
        case .refresh: "refresh now"
        case .redraw: "redraw the screen"
        case .help: "this help"
        case .quit: "quit (Ctrl-C always quits)"
        case .nextScreen: "next screen"
        case .previousScreen: "previous screen"
        case .overview: "Overview screen"
        case .nodes: "Nodes screen"
        case .runs: "Runs screen"
        case .approvals: "Approvals screen"
        case .institutes: "Institutes screen"
        case .audit: "Audit screen"
        }
    }

    /// The screen this command switches to, if it is a screen command.
    public var screen: Screen? {
        switch self {
        case .overview: .overview
        case .nodes: .nodes
        case .runs: .runs
        case .approvals: .approvals
        case .institutes: .institutes
        case .audit: .audit
        default: nil
        }
    }

    public static func < (lhs: KeyCommand, rhs: KeyCommand) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
