import ArgumentParser
import Foundation
import FactoryModel
import FactoryStore
import FactorySimulator

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the console on a live demo factory (created on first use).",
        discussion: """
            The demo store is separate from your real one: by default demo.sqlite next to it (see --store). \
            The factory's runtime is simulated in the same process: runs are submitted, start, finish; agents ask \
            for approval; your decisions, cancels and reroutes are carried out. Its node registry listens on a free \
            loopback port. A second demo on the same store shares the running simulator.
            """
    )
    @Option(help: "The demo factory's random seed (of the demo data when the store is created, and of the simulation).")
    var seed: UInt64 = 1
    @OptionGroup var dashboard: DashboardOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(try Self.demoStoreOptions(global))
        if !InitCommand.exists(context) {
            try InitCommand.initialise(context, demo: true, seed: seed)
        }
        let store = try context.openStore()
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
            try Self.printSummary(context, store: store)
            return
        }
        if let shared = Self.runningSimulator(context.storePath) {
            try DashboardCommand.open(
                context: context, store: store, options: dashboard, registryOverride: dashboard.registry ?? shared
            )
            return
        }
        let simulatorStore = try context.openStore()
        let live: LiveSimulation
        do {
            live = try LiveSimulation.start(
                store: simulatorStore, storePath: context.storeIsPostgres ? nil : context.storePath,
                options: LiveSimulation.Options(
                    seed: seed, listen: ListenAddress(host: "127.0.0.1", port: 0, isIPv6: false), settings: Self.demoSettings
                ),
                observer: nil
            )
        } catch let error where error.kind == .alreadyRunning {
            // Another demo started its simulator a moment ago: share it.
            let shared = Self.runningSimulator(context.storePath, wait: 3)
            try DashboardCommand.open(
                context: context, store: store, options: dashboard, registryOverride: dashboard.registry ?? shared
            )
            return
        } catch {
            throw CommandFailure(error)
        }
        defer { live.stop() }
        try DashboardCommand.open(
            context: context, store: store, options: dashboard, registryOverride: dashboard.registry ?? live.registry.url
        )
        live.stop()
        if let trouble = live.status().trouble {
            let message = "fusion-console: the demo's simulator had trouble: \(context.safe(trouble))\n"
            FileHandle.standardError.write(Data(message.utf8))
        }
    }

    /// The global options with `--store` defaulting to demo.sqlite next to the usual store.
    static func demoStoreOptions(_ global: GlobalOptions) throws(CommandFailure) -> GlobalOptions {
        var options = global
        if options.store == nil {
            let context = try CommandContext(global)
            options.store = (context.storePath as NSString).deletingLastPathComponent + "/demo.sqlite"
        }
        return options
    }

    /// The registry of a simulator already playing the store's runtime (another demo or `simulate`), if any;
    /// waits up to `wait` seconds for one that has just started to say where it listens.
    static func runningSimulator(_ storePath: String, wait: Double = 0) -> String? {
        let deadline = Date().addingTimeInterval(wait)
        repeat {
            if let url = RuntimeLock.holder(storePath: storePath)?.registryURL { return url }
            if wait > 0 { Thread.sleep(forTimeInterval: 0.1) }
        } while Date() < deadline
        return nil
    }

    /// Without a terminal: what the demo factory holds, in plain text.
    static func printSummary(_ context: CommandContext, store: any JobStore) throws(CommandFailure) {
        let summary = try storeRead { () throws(StoreError) in try store.queueSummary(now: Date()) }
        print("Demo factory at \(context.storeLabel) (no terminal here, so no dashboard; run it in a terminal to see it live).")
        print("Queue: \(summary.count(.queued)) queued, \(summary.count(.running)) running, "
            + "\(summary.count(.awaitingApproval)) awaiting approval, \(summary.failedLastHour) failed in the last hour.")
        print("Pending approvals: \(summary.pendingApprovals) (\(summary.pendingHighRisk) high risk).\n")
        try ApprovalsCommand.list(context, states: [.pending], limit: 20, json: false)
    }
}
