import ArgumentParser
import Foundation
import FactoryModel
import FactoryStore

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List agent runs, newest first."
    )
    @Option(help: ArgumentHelp(
        "Only runs in these states, comma-separated: \(RunState.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "states"
    ))
    var state: String?
    @Option(help: "Only runs on this pool, e.g. dakhla-gpu.") var pool: String?
    @Option(help: "Only runs of this institute's projects (id or name).") var institute: String?
    @Option(help: "How many runs at most.") var limit = 100
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit > 0 && limit <= 10_000_000 else { throw ValidationError("--limit must be between 1 and 10000000.") }
    }

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore(mode: .readOnly)
        var query = RunQuery(limit: limit)
        if let state { query.states = try Self.parseStates(state) }
        if let pool {
            guard Slug.isValid(pool) else { throw CommandFailure.usage("\"\(pool.prefix(40))\" is not a pool name; pool names look like dakhla-gpu.") }
            query.poolID = pool
        }
        if let institute {
            let institutes = try storeRead { () throws(StoreError) in try store.institutes() }
            guard let match = InstituteMatcher.match(institute, in: institutes) else {
                throw CommandFailure(
                    exitCode: CommandFailure.notFoundCode,
                    message: "No institute matches \"\(context.safe(String(institute.prefix(40))))\". "
                        + "See `fusion-console institutes` for their ids."
                )
            }
            query.instituteID = match.id
        }
        let runs = try storeRead { () throws(StoreError) in try store.runs(query) }
        if json {
            print(try JSONOutput.encode(runs.map(JSONOutput.RunJSON.init)))
            return
        }
        var table = TextTable(
            [
                .init(title: "ID"), .init(title: "STATE"), .init(title: "PRIORITY"), .init(title: "POOL"),
                .init(title: "GPUS", alignment: .right), .init(title: "AGENT"), .init(title: "PROJECT"),
                .init(title: "SUBMITTED"), .init(title: "TITLE", flexible: true),
            ],
            charset: context.charset, tr: context.tr
        )
        for run in runs {
            table.add([
                run.id.description, run.state.rawValue, run.priority.name, run.poolID, String(run.gpus), run.agent,
                run.projectName, ISO8601.string(from: run.submittedAt), run.title,
            ])
        }
        print(table.render(width: OutputTerminal.width(environment: context.environment)))
        let total = try storeRead { () throws(StoreError) in try store.runCount(query) }
        if total > runs.count {
            OutputTerminal.warn("(\(runs.count) of \(total) matching runs shown; use --limit for more)")
        }
    }

    static func parseStates(_ text: String) throws(CommandFailure) -> Set<RunState> {
        var states: Set<RunState> = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
            guard let state = RunState(rawValue: name) else {
                throw .usage(
                    "\"\(part.prefix(30))\" is not a run state; use \(RunState.allCases.map(\.rawValue).joined(separator: ", "))."
                )
            }
            states.insert(state)
        }
        return states
    }
}

/// Finds an institute by id, by name, or by a unique part of its name, ignoring case and accents.
enum InstituteMatcher {
    static func match(_ text: String, in institutes: [Institute]) -> Institute? {
        let wanted = fold(text)
        if let exact = institutes.first(where: { $0.id == text || fold($0.name) == wanted }) { return exact }
        let partial = institutes.filter { fold($0.name).contains(wanted) || $0.id.contains(wanted) }
        return partial.count == 1 ? partial[0] : nil
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces)
    }
}
