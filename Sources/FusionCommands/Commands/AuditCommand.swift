import ArgumentParser
import FactoryModel
import FactoryStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit trail, or verify its chain of hashes.",
        subcommands: [Show.self, Verify.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the newest audit records.")
        @Option(help: "How many records, newest first.") var limit = 50
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard limit > 0 && limit <= 1_000_000 else { throw ValidationError("--limit must be between 1 and 1000000.") }
        }

        func run() throws {
            let context = try CommandContext(global)
            let store = try context.openStore(mode: .readOnly)
            let records = try storeRead { () throws(StoreError) in try store.auditRecords(AuditQuery(limit: limit)) }
            if json {
                print(try JSONOutput.encode(records.map(JSONOutput.AuditJSON.init)))
                return
            }
            var table = TextTable(
                [
                    .init(title: "SEQ", alignment: .right), .init(title: "AT"), .init(title: "ACTOR"), .init(title: "ACTION"),
                    .init(title: "SUBJECT"), .init(title: "OUTCOME"), .init(title: "DETAILS", flexible: true),
                ],
                charset: context.charset, tr: context.tr
            )
            for record in records {
                let actor = record.via.map { "\(record.actor) via \($0)" } ?? record.actor
                table.add([
                    String(record.seq), ISO8601.string(from: record.at), actor, record.action, record.subject,
                    record.outcome.rawValue, record.details,
                ])
            }
            print(table.render(width: OutputTerminal.width(environment: context.environment)))
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Walk the audit chain; exit 1 naming the first record altered, removed or out of order."
        )
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try CommandContext(global)
            let store = try context.openStore(mode: .readOnly)
            let result = try storeRead { () throws(StoreError) in try store.verifyAudit() }
            if let broken = result.firstBreak {
                OutputTerminal.warn(
                    "fusion-console: audit trail BROKEN at record \(broken.seq): \(context.safe(broken.problem)). "
                        + "\(result.checked) records before it check out. Keep a copy of the store for investigation."
                )
                throw ExitCode(1)
            }
            print("Audit trail intact: \(result.checked) records, every hash and link checks out.")
        }
    }
}
