import ArgumentParser
import Foundation
import FactoryModel
import NodeRegistry

struct NodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodes",
        abstract: "Print the nodes of the registry once (the same JSON as GET /v1/nodes with --json).",
        discussion: "Exit 6 when the registry is unreachable, times out, fails TLS or answers garbage."
    )
    @Option(help: ArgumentHelp("http(s)://host:port (Fusion registry) or prometheus+http(s)://host:port.", valueName: "url"))
    var registry: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        guard let configuration = try RegistrySetup.configuration(context.settings.registry, url: registry) else {
            throw CommandFailure.usage("No registry named: give --registry URL or set [registry] url in the config.")
        }
        let snapshot: RegistrySnapshot
        do {
            snapshot = try configuration.makeClient().fetchNodes()
        } catch {
            throw CommandFailure(
                exitCode: error.isConfigurationProblem ? CommandFailure.usageCode : CommandFailure.unavailableCode,
                message: context.safe(error.description)
            )
        }
        if json {
            let data = FusionRegistryJSON.encode(snapshot, pretty: true)
            print(TerminalSafeJSON.escaping(String(decoding: data, as: UTF8.self)))
            return
        }
        var table = TextTable(
            [
                .init(title: "NAME"), .init(title: "SITE"), .init(title: "POOL"), .init(title: "KIND"), .init(title: "STATUS"),
                .init(title: "CPU%", alignment: .right), .init(title: "MEM%", alignment: .right),
                .init(title: "GPUS", alignment: .right), .init(title: "GPU%", alignment: .right), .init(title: "HEARTBEAT"),
            ],
            charset: context.charset, tr: context.tr
        )
        for node in snapshot.nodes.sorted(by: { $0.name < $1.name }) {
            table.add([
                node.name, node.site, node.pool, node.kind.label, node.status.rawValue, String(format: "%.0f", node.cpuUtil),
                String(format: "%.0f", node.memUtil), String(node.gpus.count),
                node.meanGPUUtil.map { String(format: "%.0f", $0) } ?? "-", ISO8601.string(from: node.heartbeatAt),
            ])
        }
        print(table.render(width: OutputTerminal.width(environment: context.environment)))
    }
}
