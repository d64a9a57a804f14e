import ArgumentParser
import Foundation
import FactoryModel
import FactoryStore

struct PauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Stop new work on a pool or a whole site (supervisor, reason required).",
        discussion: """
            `pause pool dakhla-gpu --reason …` is active at once; `pause site dakhla --reason …` is active only once \
            another supervisor runs `pause confirm H-2`. Running work finishes, or with --drain is asked to stop. \
            Lift it with `fusion-console resume H-2 --reason …`.
            """
    )
    @Argument(help: ArgumentHelp("pool, site, or confirm.", valueName: "what")) var what: String
    @Argument(help: ArgumentHelp("The pool or site (e.g. dakhla-gpu, dakhla), or the pause to confirm (H-2).", valueName: "target"))
    var target: String
    @Option(help: "Why (required to pause, optional to confirm; at most 500 characters).") var reason: String?
    @Flag(help: "Also ask the runtime to stop the runs running there.") var drain = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        switch what.lowercased() {
        case "confirm":
            try context.performOversight(.confirmPause(try OversightIDs.pause(target), reason: reason))
        case "pool", "site":
            let scope = PauseScope(rawValue: what.lowercased()) ?? .pool
            try context.performOversight(.pause(scope: scope, target: target, mode: drain ? .drain : .continue, reason: reason ?? ""))
        default:
            throw CommandFailure.usage("\"\(what.prefix(20))\" is not pool, site or confirm: e.g. `pause pool dakhla-gpu --reason …`.")
        }
    }
}

struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Lift a pause, or withdraw one not yet confirmed (supervisor, reason required).",
        discussion: "`resume H-2 --reason …`, or by what is paused: `resume pool dakhla-gpu --reason …`."
    )
    @Argument(help: ArgumentHelp("H-2, or pool NAME / site NAME.", valueName: "pause")) var words: [String]
    @Option(help: "Why (required, at most 500 characters).") var reason: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let id: PauseID
        switch words.count {
        case 1:
            id = try OversightIDs.pause(words[0])
        case 2:
            guard let scope = PauseScope(rawValue: words[0].lowercased()) else {
                throw CommandFailure.usage("Say `resume H-2`, `resume pool NAME` or `resume site NAME`.")
            }
            let store = try context.openStore(mode: .readOnly)
            let open = try storeRead { () throws(StoreError) in try store.pauses() }
            guard let pause = open.first(where: { $0.scope == scope && $0.target == words[1] }) else {
                throw CommandFailure(.notFound("\(scope.rawValue.capitalized) \(words[1].prefix(40)) is not paused; see `fusion-console pauses`."))
            }
            id = pause.id
        default:
            throw CommandFailure.usage("Say `resume H-2`, `resume pool NAME` or `resume site NAME`.")
        }
        try context.performOversight(.resume(id, reason: reason ?? ""))
    }
}

struct PausesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pauses", abstract: "List pauses: active and awaiting confirmation (--all: lifted ones too)."
    )
    @Flag(help: "Also list lifted pauses.") var all = false
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore(mode: .readOnly)
        let pauses = try storeRead { () throws(StoreError) in try store.pauses(includeLifted: all) }
        if json {
            print(try JSONOutput.encode(pauses.map(PauseJSON.init)))
            return
        }
        guard !pauses.isEmpty else {
            print(all ? context.tr("No pause has ever been asked.") : context.tr("Nothing is paused."))
            return
        }
        var table = TextTable(
            [
                .init(title: "ID"), .init(title: "STATE"), .init(title: "SCOPE"), .init(title: "TARGET"), .init(title: "MODE"),
                .init(title: "BY"), .init(title: "SINCE"), .init(title: "CONFIRMED"), .init(title: "REASON", flexible: true),
            ],
            charset: context.charset, tr: context.tr
        )
        for pause in pauses {
            table.add([
                pause.id.description, pause.state.label, pause.scope.rawValue, pause.target, pause.mode.rawValue,
                pause.requestedBy, ISO8601.string(from: pause.requestedAt),
                pause.confirmedBy ?? (pause.scope == .pool ? "-" : "needed"), pause.reason,
            ])
        }
        print(table.render(width: OutputTerminal.width(environment: context.environment)))
    }
}

/// A pause as `pauses --json` prints it.
struct PauseJSON: Encodable {
    let id, state, scope, target, mode, reason, requestedBy, requestedAt: String
    let confirmedBy, confirmedAt, liftedBy, liftedAt, liftReason: String?

    enum CodingKeys: String, CodingKey {
        case id, state, scope, target, mode, reason
        case requestedBy = "requested_by", requestedAt = "requested_at", confirmedBy = "confirmed_by"
        case confirmedAt = "confirmed_at", liftedBy = "lifted_by", liftedAt = "lifted_at", liftReason = "lift_reason"
    }

    init(_ pause: Pause) {
        id = pause.id.description
        state = pause.state.rawValue
        scope = pause.scope.rawValue
        target = pause.target
        mode = pause.mode.rawValue
        reason = pause.reason
        requestedBy = pause.requestedBy
        requestedAt = ISO8601.string(from: pause.requestedAt)
        confirmedBy = pause.confirmedBy
        confirmedAt = JSONOutput.time(pause.confirmedAt)
        liftedBy = pause.liftedBy
        liftedAt = JSONOutput.time(pause.liftedAt)
        liftReason = pause.liftReason
    }
}
