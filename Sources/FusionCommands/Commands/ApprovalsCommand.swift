import ArgumentParser
import Foundation
import FactoryModel
import FactoryStore

struct ApprovalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approvals", abstract: "List decisions flagged for a human: pending first, nearest deadline first."
    )
    @Option(help: ArgumentHelp("pending, approved, rejected, expired, withdrawn or all.", valueName: "state"))
    var state = "pending"
    @Option(help: "How many at most.") var limit = 200
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit > 0 && limit <= 10_000_000 else { throw ValidationError("--limit must be between 1 and 10000000.") }
    }

    func run() throws {
        let states: Set<ApprovalState>
        if state.lowercased() == "all" {
            states = []
        } else if let parsed = ApprovalState(rawValue: state.lowercased()) {
            states = [parsed]
        } else {
            throw CommandFailure.usage("\"\(state.prefix(30))\" is not an approval state; use pending, approved, rejected, expired, withdrawn or all.")
        }
        try Self.list(try CommandContext(global), states: states, limit: limit, json: json)
    }

    /// Prints approvals in `states` (all when empty) as a table or JSON.
    static func list(_ context: CommandContext, states: Set<ApprovalState>, limit: Int, json: Bool) throws(CommandFailure) {
        let store = try context.openStore(mode: .readOnly)
        let approvals = try storeRead { () throws(StoreError) in try store.approvals(ApprovalQuery(states: states, limit: limit)) }
        if json {
            print(try JSONOutput.encode(approvals.map(JSONOutput.ApprovalJSON.init)))
            return
        }
        let now = Date()
        let notes = try ApprovalNotes.read(approvals, store: store, rules: context.oversightRules, now: now)
        var columns: [TextTable.Column] = [
            .init(title: "ID"), .init(title: "RISK"), .init(title: "STATE"), .init(title: "DUE"),
            .init(title: "APPROVED", alignment: .right), .init(title: "RUN"), .init(title: "PROJECT"),
            .init(title: "SUBJECT", flexible: true),
        ]
        if !notes.isEmpty { columns.insert(.init(title: "NOTE"), at: 7) }
        var table = TextTable(columns, charset: context.charset, tr: context.tr)
        for approval in approvals {
            let due = approval.state == .pending ? Countdown.text(until: approval.dueAt, now: now) : ISO8601.string(from: approval.dueAt)
            var cells = [
                approval.id.description, approval.risk.shortLabel, approval.state.rawValue, due,
                "\(approval.approvers.count) of \(approval.requiredApprovals)", approval.runID.description,
                approval.projectName, approval.subject,
            ]
            if !notes.isEmpty { cells.insert(notes[approval.id] ?? "", at: 7) }
            table.add(cells)
        }
        print(table.render(width: OutputTerminal.width(environment: context.environment)))
    }
}

/// "in 00:04:12" or "overdue 00:01:05".
enum Countdown {
    static func text(until due: Date, now: Date) -> String {
        let seconds = Int(due.timeIntervalSince(now).rounded(.down))
        let magnitude = abs(seconds)
        let clock = String(format: "%02d:%02d:%02d", magnitude / 3600, magnitude % 3600 / 60, magnitude % 60)
        return seconds >= 0 ? "in \(clock)" : "overdue \(clock)"
    }
}
