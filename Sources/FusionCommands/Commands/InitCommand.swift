import ArgumentParser
import Foundation
import FactoryModel
import FactoryStore
import FactorySimulator
import PostgresStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the job store (or upgrade an older one in place); the account that creates it becomes its admin.",
        discussion: """
            Run again on an existing store, it only upgrades the schema; it grants no one anything. \
            --store takes an SQLite file or a PostgreSQL store (postgresql://…, a libpq keyword string, service=NAME).
            """
    )
    @Flag(help: "Fill a new store with a realistic demo factory (sites, pools, the 13 institutes, projects, runs, approvals).")
    var demo = false
    @Option(help: "The demo's random seed: the same seed gives the same factory.") var seed: UInt64 = 1
    @Flag(
        name: .customLong("db-roles"),
        help: """
            PostgreSQL only: also create the group roles fusion_viewer, fusion_operator, fusion_supervisor and \
            fusion_admin with grants and row rules, so that an account connecting as itself cannot do in SQL what \
            the console would refuse (see docs/postgres.md). Needs the right to create roles.
            """
    )
    var dbRoles = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Self.initialise(try CommandContext(global), demo: demo, seed: seed, dbRoles: dbRoles)
    }

    /// Creates or upgrades the store at the context's location, sets up database roles when asked (PostgreSQL),
    /// and fills it with the demo factory when asked.
    static func initialise(_ context: CommandContext, demo: Bool, seed: UInt64, dbRoles: Bool = false) throws(CommandFailure) {
        if dbRoles && !context.storeIsPostgres {
            throw CommandFailure.usage("--db-roles is for PostgreSQL stores (--store postgresql://…); SQLite files have no database roles.")
        }
        let started = Date()
        let existed = Self.exists(context)
        let store = try context.openLoadableStore(mode: .createIfMissing)
        let claimed: Bool
        do {
            claimed = try StoreBootstrap.claimAdmin(for: context.actor, in: store, at: Date())
        } catch {
            throw CommandFailure(error)
        }
        let version = try storeRead { () throws(StoreError) in try store.schemaVersion() }
        if existed {
            print("Job store \(context.storeLabel) is ready (schema \(version)).")
        } else {
            print("Created the job store \(context.storeLabel) (schema \(version)).")
        }
        if claimed { print("\(context.actor.account) is its admin.") }
        if dbRoles, let postgres = store as? PostgresJobStore {
            try storeRead { () throws(StoreError) in try postgres.installDatabaseRoles() }
            print(
                "Database roles \(PostgresJobStore.databaseRoleGroups.joined(separator: ", ")) are set up. Give a person "
                    + "both a group (GRANT fusion_supervisor TO alice;) and the console role (fusion-console operators "
                    + "grant alice supervisor); the database enforces the lower of the two. See docs/postgres.md."
            )
        }
        guard demo else { return }
        let summary: DemoSummary
        do {
            summary = try DemoFactory.populate(store, seed: seed, now: Date(), creator: context.actor)
        } catch {
            throw CommandFailure(error)
        }
        let elapsed = Date().timeIntervalSince(started)
        print(summary.description)
        print(String(format: "Done in %.2f s.", elapsed))
    }

    /// Whether a store is already at the context's location (an SQLite file; PostgreSQL tables).
    static func exists(_ context: CommandContext) -> Bool {
        guard context.storeIsPostgres else { return FileManager.default.fileExists(atPath: context.storePath) }
        return (try? context.openStore(mode: .existing)) != nil
    }
}
