import ArgumentParser
import Foundation
import FactoryModel
import FactoryStore
import FactorySimulator

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Play the runtime of a demo factory, headless, and serve its node registry.",
        discussion: """
            Submits, schedules, finishes and fails agent runs on a demo store (created with the demo data when absent), \
            asks supervisors for approval, acts on their decisions, confirms cancels and reroutes, and serves \
            GET /v1/nodes with utilisation that follows the load. Open dashboards on the same store with \
            --registry http://ADDRESS. Ctrl-C stops it. With --nodes above the demo's 79 (a store made by \
            `fusion-console seed --nodes N`), the registry serves that many nodes and the runtime makes one change \
            a second (a run submitted, one finished, one started).
            """
    )
    @Option(help: ArgumentHelp("Where the registry listens: 127.0.0.1:PORT, [::1]:PORT or a port.", valueName: "address"))
    var listen: String = "127.0.0.1:8787"
    @Option(help: "The random seed (of the demo data when the store is created, and of the simulation).") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Simulated seconds per wall second, 0.1 to 1000.", valueName: "x")) var speed: Double = 1
    @Option(help: ArgumentHelp("Stop after this many seconds (default: until Ctrl-C or SIGTERM).", valueName: "seconds"))
    var duration: Double?
    @Flag(help: "Print a summary every minute instead of every event.") var quiet = false
    @Option(help: ArgumentHelp("Nodes the registry serves: the demo's 79, or more for a store made by `seed --nodes`.",
                               valueName: "n"))
    var nodes: Int = DemoCatalogue.nodes.count
    @Option(help: ArgumentHelp(
        "Seconds between two samples of the nodes (a new registry document; in between, a console asking whether it "
            + "changed is answered 304). 0: at every step, twice a second.", valueName: "seconds"))
    var registryInterval: Double = 0
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard speed.isFinite, (0.1...1000).contains(speed) else {
            throw ValidationError("--speed must be between 0.1 and 1000 (simulated seconds per wall second).")
        }
        guard (DemoCatalogue.nodes.count...200_000).contains(nodes) else {
            throw ValidationError("--nodes must be between \(DemoCatalogue.nodes.count) (the demo factory) and 200000.")
        }
        guard registryInterval.isFinite, (0...3600).contains(registryInterval) else {
            throw ValidationError("--registry-interval must be between 0 and 3600 seconds.")
        }
        if let duration, !(duration.isFinite && duration > 0 && duration <= 31 * 86_400) {
            throw ValidationError("--duration must be a number of seconds above 0 (at most 31 days).")
        }
        do {
            _ = try ListenAddress.parse(listen)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        let address: ListenAddress
        do {
            address = try ListenAddress.parse(listen)
        } catch {
            throw CommandFailure.usage(error.message)
        }
        let context = try CommandContext(try DemoCommand.demoStoreOptions(global))
        if !InitCommand.exists(context) {
            guard nodes == DemoCatalogue.nodes.count else {
                throw CommandFailure.usage(
                    "There is no store at \(context.storeLabel). Make one of \(nodes) nodes first: "
                        + "fusion-console seed --store \(context.storeLabel) --nodes \(nodes)"
                )
            }
            try InitCommand.initialise(context, demo: true, seed: seed)
            fflush(nil)  // its lines before ours (ours bypass stdio)
        }
        let store = try context.openStore()
        StopSignals.install()
        let printer = EventPrinter(charset: context.charset, everyEvent: !quiet)
        let live = try Self.start(
            store: try context.openStore(), path: context.storeIsPostgres ? nil : context.storePath,
            options: LiveSimulation.Options(
                seed: seed, speed: speed, listen: address, nodes: DemoCatalogue.nodes(scaledTo: nodes),
                registryInterval: registryInterval
            ),
            printer: printer
        )
        defer { live.stop() }
        printer.line(
            "Simulating the \(nodes == DemoCatalogue.nodes.count ? "demo factory" : "factory of \(nodes) nodes") "
                + "\(context.safe(context.storeLabel)) (seed \(seed), speed \(Self.format(speed))). "
                + "Registry: \(live.registry.url)/v1/nodes. "
                + (duration.map { "Stops after \(Self.format($0)) s." } ?? "Ctrl-C stops.")
        )
        if !address.isLoopback {
            printer.line("Warning: listening on \(address), not loopback: anyone who can reach it can read the node list.")
        }
        let started = Date()
        var lastSummary = started
        while StopSignals.received == nil {
            let elapsed = Date().timeIntervalSince(started)
            if let duration, elapsed >= duration { break }
            if Date().timeIntervalSince(lastSummary) >= 60 {
                lastSummary = Date()
                printer.line(Self.summary(store, live.status()))
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        live.stop()
        let why = StopSignals.received.map { " (signal \($0))" } ?? ""
        let seconds = Int(Date().timeIntervalSince(started).rounded())
        printer.line("Stopped\(why) after \(seconds) s. " + Self.summary(store, live.status()))
    }

    /// Starts the live simulation, turning its refusals into the command's exit codes.
    static func start(
        store: any JobStore, path: String?, options: LiveSimulation.Options, printer: EventPrinter
    ) throws(CommandFailure) -> LiveSimulation {
        do {
            return try LiveSimulation.start(store: store, storePath: path, options: options) { report in
                printer.report(report)
            }
        } catch {
            throw CommandFailure(error)
        }
    }

    /// One line on where the factory stands and what the simulation did so far.
    static func summary(_ store: any JobStore, _ status: LiveSimulation.Status) -> String {
        let totals = status.totals
        var text = "So far: \(totals[.submitted] ?? 0) submitted, \(totals[.started] ?? 0) started, "
            + "\(totals[.succeeded] ?? 0) succeeded, \(totals[.failed] ?? 0) failed, "
            + "\(totals[.approvalRequested] ?? 0) approvals asked, \(totals[.resumed] ?? 0) resumed, "
            + "\(totals[.ended] ?? 0) ended by a decision, \(totals[.expired] ?? 0) expired."
        if let queue = try? store.queueSummary(now: status.now) {
            text += " Now: \(queue.count(.queued)) queued, \(queue.count(.running)) running, "
                + "\(queue.count(.awaitingApproval)) awaiting approval, \(queue.pendingApprovals) approvals pending."
        }
        if let trouble = status.trouble { text += " Last step failed: \(trouble)" }
        return text
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
