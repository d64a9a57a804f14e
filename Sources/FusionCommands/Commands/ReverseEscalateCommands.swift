import ArgumentParser
import FactoryModel

struct ReverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverse",
        abstract: "Reverse the decisions on an approval its run has not acted on yet (supervisor, reason required).",
        discussion: """
            Allowed within [oversight] reverse_window (default 10 minutes) of the latest decision. The decisions stay on \
            record with a linked reversal; the approval is pending again (expired when past its deadline), and whoever \
            was reversed may not decide it again.
            """
    )
    @Argument(help: ArgumentHelp("The approval, e.g. A-4821.", valueName: "id")) var id: String
    @Option(help: "Why (required, at most 500 characters).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CommandContext(global).performOversight(.reverse(try OversightIDs.approval(id), reason: reason ?? ""))
    }
}

struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: "Hand a pending approval to a named supervisor (operator, reason required).",
        discussion: "The dashboard shows \"escalated to …\"; if it expires, that supervisor is named as on duty."
    )
    @Argument(help: ArgumentHelp("The approval, e.g. A-4821.", valueName: "id")) var id: String
    @Option(name: .customLong("to"), help: ArgumentHelp("The supervisor, e.g. sup-eau.", valueName: "account")) var account: String
    @Option(help: "Why (required, at most 500 characters).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CommandContext(global).performOversight(.escalate(try OversightIDs.approval(id), to: account, reason: reason ?? ""))
    }
}
