import ArgumentParser
import FactoryModel
import FactoryStore

struct OperatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operators",
        abstract: "List the accounts with a role, or grant one (admin).",
        subcommands: [List.self, Grant.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List accounts and their roles.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try CommandContext(global)
            let store = try context.openStore(mode: .readOnly)
            let accounts = try storeRead { () throws(StoreError) in try store.operators() }
            if json {
                print(try JSONOutput.encode(accounts.map(JSONOutput.OperatorJSON.init)))
                return
            }
            var table = TextTable(
                [.init(title: "ACCOUNT"), .init(title: "ROLE"), .init(title: "GRANTED BY"), .init(title: "GRANTED AT")],
                charset: context.charset, tr: context.tr
            )
            for account in accounts {
                table.add([account.account, account.role.rawValue, account.grantedBy, ISO8601.string(from: account.grantedAt)])
            }
            print(table.render(width: OutputTerminal.width(environment: context.environment)))
            print("Accounts not listed are viewers.")
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant", abstract: "Give an account a role: viewer, operator, supervisor or admin (admin only)."
        )
        @Argument(help: "The operating-system account name.") var account: String
        @Argument(help: "viewer, operator, supervisor or admin.") var role: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard let parsed = Role(rawValue: role.lowercased()) else {
                throw CommandFailure.usage("\"\(role.prefix(20))\" is not a role; use viewer, operator, supervisor or admin.")
            }
            let context = try CommandContext(global)
            let store = try context.openStore()
            do {
                let receipt = try ActionGate(store: store).perform(.grant(account: account, role: parsed), as: context.actor)
                print(context.safe(receipt.message))
            } catch {
                throw CommandFailure(error)
            }
        }
    }
}
