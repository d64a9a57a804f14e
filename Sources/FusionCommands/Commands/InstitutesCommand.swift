import ArgumentParser
import FactoryModel
import FactoryStore

struct InstitutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "institutes", abstract: "List the Jazari institutes and their projects."
    )
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore(mode: .readOnly)
        let institutes = try storeRead { () throws(StoreError) in try store.institutes() }
        let activity = try storeRead { () throws(StoreError) in try store.projectActivity(instituteID: nil) }
        let byInstitute = Dictionary(grouping: activity, by: \.project.instituteID)
        if json {
            let rows = institutes.map { institute in
                JSONOutput.InstituteJSON(
                    id: institute.id, name: institute.name, region: institute.region, theme: institute.theme,
                    university: institute.university,
                    projects: (byInstitute[institute.id] ?? []).map(JSONOutput.ProjectJSON.init)
                )
            }
            print(try JSONOutput.encode(rows))
            return
        }
        var table = TextTable(
            [
                .init(title: "INSTITUTE"), .init(title: "PROJECT"), .init(title: "SECTOR"), .init(title: "PHASE"),
                .init(title: "HEALTH"), .init(title: "RUNS", alignment: .right), .init(title: "PENDING", alignment: .right),
                .init(title: "GPU-H USED/BUDGET", alignment: .right), .init(title: "THEME", flexible: true),
            ],
            charset: context.charset, tr: context.tr
        )
        for institute in institutes {
            let projects = byInstitute[institute.id] ?? []
            if projects.isEmpty {
                table.add([institute.name, "-", "", "", "", "", "", "", institute.theme])
            }
            for (index, row) in projects.enumerated() {
                let project = row.project
                table.add([
                    index == 0 ? institute.name : "", "\(project.id) \(project.name)", project.sector, project.phase.rawValue,
                    project.health.rawValue, String(row.activeRuns), String(row.pendingApprovals),
                    "\(Int(project.gpuHoursUsed))/\(Int(project.gpuHoursBudget))", index == 0 ? institute.theme : "",
                ])
            }
        }
        print(table.render(width: OutputTerminal.width(environment: context.environment)))
    }
}
