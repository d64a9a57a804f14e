import ArgumentParser
import FactoryStore

/// The root command: `fusion-console` and its subcommands.
struct FusionConsole: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fusion-console",
        abstract: "The operations console of the Fusion AI Factory: watch capacity and work, decide what agents flag.",
        discussion: """
            Exit codes: 0 done; 1 `audit verify` found a broken chain; 3 not permitted; 4 conflict (already decided, state changed); 5 not found; \
            6 store or registry unavailable; 64 usage or invalid input.
            """,
        version: FusionVersion.text,
        subcommands: [
            DashboardCommand.self, InitCommand.self, DemoCommand.self, SimulateCommand.self, SeedCommand.self, RunsCommand.self, ApprovalsCommand.self, InstitutesCommand.self, PoolsCommand.self, NodesCommand.self,
            ApproveCommand.self, RejectCommand.self, CancelCommand.self, RerouteCommand.self,
            OperatorsCommand.self, AuditCommand.self, BenchHeadlessCommand.self,
            PauseCommand.self, ResumeCommand.self, PausesCommand.self, ReverseCommand.self, EscalateCommand.self, ReportCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )
}

/// The version printed by `--version`.
enum FusionVersion {
    static let number = "0.1.0"
    static var text: String { "fusion-console \(number) (job store schema \(JobStoreSchema.version))" }
}
