import Foundation
import FactoryStore
import FactoryTestSupport
import PostgresStore
import Synchronization

/// The test cluster's database (`FUSION_TEST_PG`), when `Tests/scripts/postgres-e2e.sh` (or a developer) set one.
enum PostgresTestCluster {
    static var database: String? { TestStoreBackend.postgresDatabase }
    static var isConfigured: Bool { database != nil }

    /// Commands (run with `/bin/sh -c`) that stop and start the test server: `FUSION_TEST_PG_STOP` and
    /// `FUSION_TEST_PG_START`, set only for the suite that exercises an outage.
    static var outageCommands: (stop: String, start: String)? {
        let environment = ProcessInfo.processInfo.environment
        guard let stop = environment["FUSION_TEST_PG_STOP"], !stop.isEmpty, let start = environment["FUSION_TEST_PG_START"],
            !start.isEmpty
        else { return nil }
        return (stop, start)
    }

    /// The database as another login role (the cluster trusts local connections).
    static func database(as user: String) -> String? {
        guard let database else { return nil }
        if database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") {
            return database + (database.contains("?") ? "&" : "?") + "user=" + user
        }
        return database + " user='\(user)'"
    }

    /// Runs a shell command (`/bin/sh -c`, output discarded) and waits for it; returns its exit status. Spawned
    /// directly rather than with `Process`, whose wait can hang when the command leaves a daemon behind
    /// (`pg_ctl start`).
    @discardableResult
    static func shell(_ command: String) throws -> Int32 {
        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", command + " >/dev/null 2>&1 </dev/null"]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }
}

/// Collects what a change watch reports, with the time each report arrived, and waits for them with a deadline.
final class ChangeRecorder: Sendable {
    private let reports = Mutex<[(StoreChange, Date)]>([])

    var report: @Sendable (StoreChange) -> Void {
        { [self] change in reports.withLock { $0.append((change, Date())) } }
    }

    var all: [StoreChange] { reports.withLock { $0.map(\.0) } }

    /// Waits until a report after index `after` matches; returns when it arrived.
    func waitFor(after: Int = 0, timeout: TimeInterval, _ matches: (StoreChange) -> Bool) -> Date? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let found = reports.withLock { list in list.dropFirst(after).first { matches($0.0) }?.1 }
            if let found { return found }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return nil
    }

    var count: Int { reports.withLock { $0.count } }
}
