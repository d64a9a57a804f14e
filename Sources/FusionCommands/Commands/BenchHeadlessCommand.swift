import ArgumentParser
import ConsoleApp
import ConsoleCore
import Foundation
import FactoryModel
import FactoryStore
import NodeRegistry

/// `fusion-console bench-headless`: the measurements of `make bench` that need no terminal (see docs/PERFORMANCE.md).
/// Hidden from the help: it changes the store it is given (it approves), so `bench/run.sh` gives it a copy.
struct BenchHeadlessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-headless",
        abstract: "Measure the dashboard headless (for make bench; approves on the store it is given).",
        shouldDisplay: false
    )
    @Option(help: ArgumentHelp("The node registry to poll.", valueName: "url")) var registry: String?
    @Option(help: "Terminal columns.") var width = 160
    @Option(help: "Terminal rows.") var height = 40
    @Option(help: "Approvals to decide (each one a commit measured).") var approvals = 30
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        let configuration = try RegistrySetup.configuration(context.settings.registry, url: registry)
        let dashboard: HeadlessDashboard
        do {
            dashboard = try HeadlessDashboard(
                store: store, actor: context.actor, size: TerminalSize(width: width, height: height), registry: configuration
            )
        } catch {
            throw CommandFailure(exitCode: CommandFailure.unavailableCode, message: "\(error)")
        }
        try waitForAuditVerdict(dashboard)
        var results: [String: Any] = [:]
        results["registry"] = try measureRegistry(configuration, dashboard: dashboard)
        results["store"] = try measureStore(store, dashboard: dashboard, account: context.actor.account)
        results["keys"] = try measureKeys(dashboard)
        results["commit_ms"] = try measureCommits(dashboard)
        let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Milliseconds `body` took.
    private func time(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let started = clock.now
        try body()
        let elapsed = started.duration(to: clock.now)
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    /// A full read and decode, a "not modified" answer, and the console taking a new sample.
    private func measureRegistry(_ configuration: RegistryConfiguration?, dashboard: HeadlessDashboard) throws -> [String: Any] {
        guard let configuration else { return [:] }
        let client = try configuration.makeClient()
        var decode: [Double] = []
        var notModified: [Double] = []
        var nodes = 0
        for _ in 0..<10 {
            var snapshot: RegistrySnapshot?
            decode.append(try time { snapshot = try client.fetchNodes() })
            nodes = snapshot?.nodes.count ?? 0
            notModified.append(try time { _ = try client.fetchNodes(unlessUnchangedSince: snapshot) })
        }
        var apply: [Double] = []
        for _ in 0..<5 { apply.append(try time { try dashboard.pollRegistry() }) }
        // The decoding alone, of one answer read once.
        var decodeOnly: [Double] = []
        var bytes = 0
        if let registry, let url = URL(string: registry + FusionRegistryClient.nodesPath),
           let body = try? HTTPClient(options: configuration.http).get(url).body {
            bytes = body.count
            for _ in 0..<10 { decodeOnly.append(try time { _ = try FusionRegistryJSON.decode(body) }) }
        }
        return [
            "fetch_decode_ms": decode, "not_modified_ms": notModified, "poll_and_apply_ms": apply, "nodes": nodes,
            "decode_only_ms": decodeOnly, "document_bytes": bytes,
        ]
    }

    /// Waits (up to two minutes) for the first walk of the audit chain, which runs in the background as in the live
    /// dashboard, so that it does not share the machine with the measurements.
    private func waitForAuditVerdict(_ dashboard: HeadlessDashboard) throws {
        let deadline = Date().addingTimeInterval(120)
        repeat {
            try dashboard.handle(.storeChanged)
            if dashboard.state.store?.auditVerified == true { return }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
    }

    /// A refresh after the store changed (a commit moved its change token: every figure and window is read again)
    /// and one while it did not (the token is read, nothing else).
    private func measureStore(_ store: any JobStore, dashboard: HeadlessDashboard, account: String) throws -> [String: Any] {
        try dashboard.handle(.tick(Date()))
        let needs = dashboard.state.needs
        let loader = StoreLoader(store: store, account: account)
        _ = try loader.read(needs, now: Date())
        var changed: [Double] = []
        for index in 0..<10 {
            let note = OperatorAccount(account: "bench-\(index)", role: .viewer, grantedBy: "bench", grantedAt: Date())
            _ = try store.transaction { tx in try tx.upsertOperator(note) }
            changed.append(try time { _ = try loader.read(needs, now: Date()) })
        }
        var unchanged: [Double] = []
        for _ in 0..<50 { unchanged.append(try time { _ = try loader.read(needs, now: Date()) }) }
        return ["changed_ms": changed, "unchanged_ms": unchanged]
    }

    /// Key to updated frame on the runs list (the longest): scrolling, paging, the end, switching screens, typing a
    /// filter, changing the sort.
    private func measureKeys(_ dashboard: HeadlessDashboard) throws -> [String: [Double]] {
        func press(_ key: Key) throws -> Double { try time { try dashboard.handle(.key(key)) } }
        _ = try press(.character("3"))
        var keys: [String: [Double]] = [:]
        keys["scroll"] = try (0..<200).map { _ in try press(.down) }
        _ = try press(.home)
        keys["page_down"] = try (0..<60).map { _ in try press(.pageDown) }
        var end: [Double] = []
        for _ in 0..<20 {
            _ = try press(.home)
            end.append(try press(.end))
        }
        keys["jump_to_end"] = end
        _ = try press(.home)
        var switches: [Double] = []
        for _ in 0..<5 {
            for screen in ["1", "2", "3", "4", "5", "6"] { switches.append(try press(.character(Character(screen)))) }
        }
        keys["switch_screen"] = switches
        _ = try press(.character("3"))
        var filter: [Double] = []
        for word in ["hydro", "Tanger", "lot 4", "classement", "sup-eau", "R-19", "zz"] {
            _ = try press(.character("/"))
            for character in word { filter.append(try press(.character(character))) }
            for _ in word { filter.append(try press(.backspace)) }
            _ = try press(.escape)
        }
        keys["filter_keystroke"] = filter
        keys["sort_change"] = try (0..<16).map { _ in try press(.character("s")) }
        return keys
    }

    /// Confirming approvals on the approvals screen: the time from Enter on the confirm button to the commit of the
    /// decision and its audit record.
    private func measureCommits(_ dashboard: HeadlessDashboard) throws -> [Double] {
        try dashboard.handle(.key(.character("4")))
        var tries = 0
        while dashboard.commits.count < approvals, tries < approvals * 6 {
            tries += 1
            try dashboard.handle(.key(.character("a")))
            guard case .dialog = dashboard.state.mode else {
                try dashboard.handle(.key(.down))
                continue
            }
            try dashboard.handle(.key(.right))
            try dashboard.handle(.key(.enter))
        }
        return dashboard.commits.map { Double($0.components.seconds) * 1000 + Double($0.components.attoseconds) / 1e15 }
    }
}
