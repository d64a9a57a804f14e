import ArgumentParser
import FactoryModel
import FactoryStore

/// Performs one operator action through the gate and prints its receipt.
private func perform(_ action: OperatorAction, options: GlobalOptions) throws(CommandFailure) {
    let context = try CommandContext(options)
    let store = try context.openStore()
    do {
        let receipt = try ActionGate(store: store).perform(action, as: context.actor)
        print(context.safe(context.tr.message(receipt.message)))
    } catch {
        throw CommandFailure(error)
    }
}

private func approvalID(_ text: String) throws(CommandFailure) -> ApprovalID {
    guard let id = ApprovalID(text) else {
        throw .usage("\"\(text.prefix(40))\" is not an approval id; approval ids look like A-4821.")
    }
    return id
}

private func runID(_ text: String) throws(CommandFailure) -> RunID {
    guard let id = RunID(text) else {
        throw .usage("\"\(text.prefix(40))\" is not a run id; run ids look like R-190233.")
    }
    return id
}

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a decision an agent flagged for a human (supervisor).",
        discussion: "High-risk approvals need two distinct supervisors; nobody may approve a run they submitted."
    )
    @Argument(help: ArgumentHelp("The approval, e.g. A-4821.", valueName: "id")) var id: String
    @Option(help: "Why you approve (optional, at most 500 characters).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try perform(.approve(try approvalID(id), reason: reason), options: global)
    }
}

struct RejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a flagged decision; its run ends (supervisor, reason required)."
    )
    @Argument(help: ArgumentHelp("The approval, e.g. A-4821.", valueName: "id")) var id: String
    @Option(help: "Why you reject (required, at most 500 characters).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try perform(.reject(try approvalID(id), reason: reason ?? ""), options: global)
    }
}

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a run (operator, reason required).",
        discussion: "A queued or waiting run is cancelled at once; a running one is stopped by the runtime first."
    )
    @Argument(help: ArgumentHelp("The run, e.g. R-190233.", valueName: "run")) var runText: String
    @Option(help: "Why you cancel (required, at most 500 characters).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try perform(.cancel(try runID(runText), reason: reason ?? ""), options: global)
    }
}

struct RerouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reroute",
        abstract: "Move a run to another pool (operator, reason required).",
        discussion: "The pool must fit the run (a GPU run cannot go to a CPU pool). See `fusion-console pools`."
    )
    @Argument(help: ArgumentHelp("The run, e.g. R-190233.", valueName: "run")) var runText: String
    @Option(name: .customLong("to"), help: ArgumentHelp("The pool to move it to, e.g. benguerir-gpu.", valueName: "pool"))
    var pool: String
    @Option(help: "Why you reroute (required, at most 500 characters).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try perform(.reroute(try runID(runText), toPool: pool, reason: reason ?? ""), options: global)
    }
}
