import ArgumentParser
import FactoryModel
import FactoryStore

struct PoolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pools", abstract: "List the pools runs can be scheduled on, with their free capacity."
    )
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore(mode: .readOnly)
        let loads = try storeRead { () throws(StoreError) in try store.poolLoads() }
        if json {
            print(try JSONOutput.encode(loads.map(JSONOutput.PoolJSON.init)))
            return
        }
        let paused = try storeRead { () throws(StoreError) in try store.pausedPoolIDs() }
        var table = TextTable(
            [
                .init(title: "POOL"), .init(title: "SITE"), .init(title: "KIND"),
                .init(title: "GPUS FREE/ALL", alignment: .right), .init(title: "CORES FREE/ALL", alignment: .right),
                .init(title: "QUEUED", alignment: .right), .init(title: "STATE"),
            ],
            charset: context.charset, tr: context.tr
        )
        for load in loads {
            table.add([
                load.pool.id, load.pool.siteID, load.pool.kind.label, "\(load.freeGPUs)/\(load.pool.gpuCapacity)",
                "\(load.freeCPUs)/\(load.pool.cpuCapacity)", String(load.queued), paused.contains(load.pool.id) ? "PAUSED" : "open",
            ])
        }
        print(table.render(width: OutputTerminal.width(environment: context.environment)))
    }
}
