import Foundation
import FactoryTestSupport

/// A throwaway store with the demo accounts, and the command line pointed at it with a private home: what most
/// command tests start from.
struct StoreCommandLine {
    let fixture: StoreFixture
    let env: [String: String]

    init() throws {
        fixture = try StoreFixture()
        env = CLI.environment(home: fixture.folder)
    }

    /// Runs `fusion-console ARGUMENTS --store STORE [--as ACCOUNT]` to its end.
    func run(_ arguments: [String], as account: String? = nil) throws -> CLI.Result {
        var arguments = arguments + ["--store", fixture.path]
        if let account { arguments += ["--as", account] }
        return try CLI.run(arguments, environment: env)
    }
}
