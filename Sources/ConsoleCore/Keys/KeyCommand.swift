/// What a key asks the dashboard to do, by name: the layer between the keys (remappable in the `[keys]` section of
/// the config) and the update function. The raw value is the name used in the config file (`approve = "a"`).
///
/// Ctrl-C always quits and cannot be remapped. Inside a dialog, a filter, the command line or a prompt, the editing
/// keys (Tab, Enter, Esc, arrows, Backspace) keep their meaning.
public enum KeyCommand: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Move the selection up one row (`up = ["up", "k"]`).
    case up
    /// Move the selection down one row.
    case down
    /// Page up.
    case pageUp = "page_up"
    /// Page down.
    case pageDown = "page_down"
    /// The first row.
    case first
    /// The last row.
    case last
    /// Open or close the detail pane.
    case details
    /// Close the detail, clear the filter, back to the overview.
    case back
    /// Filter as you type.
    case filter
    /// The `:` command line (a screen by name, `:q`).
    case command
    /// The next sort column.
    case sort
    /// Reverse the sort.
    case reverseSort = "reverse_sort"
    /// Approve the selected (or nearest) approval.
    case approve
    /// Reject it.
    case reject
    /// Cancel the selected run.
    case cancel
    /// Move the selected run to another pool.
    case reroute
    /// Take back the latest held cancel or move.
    case undo
    /// Reverse the decisions on the selected approval, within its window (oversight).
    case reverseDecision = "reverse_decision"
    /// Escalate the selected approval to a named supervisor (opens `:escalate`).
    case escalate
    /// Pause a pool or a site (opens `:pause pool `).
    case pause
    /// The `@` overlay: this session's actions as command lines.
    case actions
    /// Export the rows in view.
    case export
    /// Copy the selected id with OSC 52.
    case copyID = "copy_id"
    /// Show or hide the console's own figures.
    case selfStats = "self_stats"
    /// Read the store again now.
    case refresh
    /// Repaint the whole terminal.
    case redraw
    /// The key help.
    case help
    /// Quit (asks first while actions are held).
    case quit
    /// The next screen.
    case nextScreen = "next_screen"
    /// The previous screen.
    case previousScreen = "previous_screen"
    /// The Overview screen.
    case overview
    /// The Nodes screen.
    case nodes
    /// The Runs screen.
    case runs
    /// The Approvals screen.
    case approvals
    /// The Institutes screen.
    case institutes
    /// The Audit screen.
    case audit

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
        case .reverseDecision: "reverse its decision (in its window)"
        case .escalate: "escalate it (:escalate A-12 SUPERVISOR)"
        case .pause: ":pause pool|site NAME [drain], :confirm/:resume H-2"
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

    /// Commands compare in the order they are listed (the order of the help and of conflict resolution).
    public static func < (lhs: KeyCommand, rhs: KeyCommand) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
