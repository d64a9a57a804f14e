import ArgumentParser
import Foundation
import FactoryModel
import FactoryStore
import FactorySimulator

struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Generate a large, realistic factory into a new SQLite store (for benchmarks and load tests).",
        discussion: """
            Writes the demo's sites, institutes and projects, NODES nodes in the demo's pools (GPU servers of 8 GPUs \
            beyond the demo's CPU and edge nodes), a history of RUNS runs in every state (most of them ended), \
            APPROVALS approvals waiting for a human, and exactly AUDIT audit records forming a valid chain. The same \
            options and seed give the same rows. --store must name a new file: an existing store is never touched. \
            Serve its nodes with `fusion-console simulate --store PATH --nodes NODES`.
            """
    )
    @Option(help: "Nodes of the factory (at least 79, the demo's).") var nodes: Int = 79
    @Option(help: "Runs in the store.") var runs: Int = 10_000
    @Option(help: "Approvals pending now.") var approvals: Int = 100
    @Option(help: "Audit records (at least 12).") var audit: Int = 10_000
    @Option(help: "The random seed: the same seed gives the same factory.") var seed: UInt64 = 1
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let problem = options(now: Date()).problem { throw ValidationError(problem) }
    }

    func run() throws {
        let context = try CommandContext(global)
        guard !context.storeIsPostgres else {
            throw CommandFailure.usage("seed writes a new SQLite file; give --store a file path (PostgreSQL is not supported).")
        }
        let started = Date()
        let summary: DemoSummary
        do {
            summary = try FactorySeeder.seed(path: context.storePath, options: options(now: started), creator: context.actor)
        } catch {
            throw CommandFailure(error)
        }
        print("Seeded \(context.storeLabel): \(summary.nodes) nodes.")
        print(summary.description)
        print(String(format: "Done in %.1f s.", Date().timeIntervalSince(started)))
    }

    private func options(now: Date) -> SeedOptions {
        SeedOptions(nodes: nodes, runs: runs, pendingApprovals: approvals, auditRecords: audit, seed: seed, now: now)
    }
}
