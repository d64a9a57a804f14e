import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport
import GRDB

/// A job store that is busy, read-only, missing, damaged or on a full disk: the command line says what is wrong
/// (exit 6), and an action either commits with its audit record or leaves nothing at all.
@Suite("A failing job store, from the command line", .enabled(if: !TestStoreBackend.current.isPostgres, "reads and damages the SQLite file itself"))
struct StoreFaultTests {
    let fixture: StoreFixture
    let env: [String: String]

    init() throws {
        fixture = try StoreFixture()
        env = CLI.environment(home: fixture.folder)
    }

    func run(_ arguments: [String], store: String? = nil, as account: String? = "sup-eau") async throws -> CLI.Result {
        var arguments = arguments + ["--store", store ?? fixture.path]
        if let account { arguments += ["--as", account] }
        return try await CLI.running(arguments, environment: env)
    }

    /// Another process holds the write lock longer than the busy timeout: the decision fails with exit 6 and
    /// changes nothing, while reading goes on.
    @Test(.enabled(if: geteuid() == 0, "acts for a supervisor with --as, which needs root"))
    func aWriteLockHeldTooLongIsExit6AndChangesNothing() async throws {
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        let before = try fixture.snapshot()
        let holder = try WriteLockHolder(path: fixture.path)
        let environment = env
        let path = fixture.path
        async let decision = CLI.running(["approve", approval.description, "--store", path, "--as", "sup-eau"], environment: environment)
        let reading = try await run(["approvals"], as: nil)
        #expect(reading.status == 0 && reading.stdout.contains(approval.description), "reads must go on: \(reading.stderr)")
        let result = try await decision
        await holder.released()
        #expect(result.status == 6, "\(result.stderr)")
        #expect(result.stderr.contains("busy") && result.stderr.contains("Nothing was changed"), "\(result.stderr)")
        #expect(try fixture.snapshot() == before)
        #expect(try StoreInvariants.problems(inSQLiteFile: fixture.path).isEmpty)
        // Once the lock is gone the same decision goes through, with its audit record.
        let retry = try await run(["approve", approval.description])
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(try StoreInvariants.problems(inSQLiteFile: fixture.path).isEmpty)
        HardeningFigures.record(faultsInjected: 1)
    }

    /// The store's files are read-only for the account (root ignores file modes, so the command runs as nobody).
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser"), "needs root and runuser"))
    func aReadOnlyStoreIsExit6AndChangesNothing() async throws {
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        _ = try fixture.gate().perform(.grant(account: "nobody", role: .supervisor), as: Actor(account: "root-admin"))
        let before = try fixture.snapshot()
        for file in try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path) where file.hasPrefix("factory.sqlite") {
            chmod(fixture.folder.appendingPathComponent(file).path, 0o444)
        }
        chmod(fixture.folder.path, 0o555)
        defer { chmod(fixture.folder.path, 0o755) }
        let asNobody = ["/usr/sbin/runuser", "-u", "nobody", "--"]
        let result = try await CLI.running(["approve", approval.description, "--store", fixture.path], environment: env, prefix: asNobody)
        #expect(result.status == 6, "\(result.stderr)")
        #expect(result.stderr.contains("read-only"), "\(result.stderr)")
        chmod(fixture.folder.path, 0o755)
        #expect(try fixture.snapshot() == before)
        HardeningFigures.record(faultsInjected: 1)
    }

    /// Missing, not a database or cut short: every command, the dashboard included, says so with exit 6.
    @Test(arguments: [StoreDamage.missing, .garbage, .truncated])
    func aMissingOrDamagedStoreIsExit6WithAClearMessage(damage: StoreDamage) async throws {
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        let path = try damage.apply(to: fixture)
        var commands = [["runs"], ["approvals"], ["audit", "verify"], ["approve", approval.description]]
        // The dashboard opens the store before it takes the terminal.
        if damage != .truncated { commands.append(["dashboard"]) }
        for command in commands {
            let result = try await run(command, store: path)
            #expect(result.status == 6, "\(damage) \(command): exit \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(damage.expectedWords), "\(damage) \(command): \(result.stderr)")
        }
        HardeningFigures.record(faultsInjected: commands.count)
    }

    /// Rows changed behind the console's back into values of the wrong type (a BLOB of invalid UTF-8 with an
    /// escape in a TEXT column, text in an INTEGER column) once crashed every command that read them. Now text is
    /// read leniently and shown inert, and a value that cannot be what its column means is reported (exit 6).
    @Test func rowsOfTheWrongTypeAreShownInertOrReportedNeverCrash() async throws {
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        _ = try StoreDamage.blobInATextColumn.apply(to: fixture)
        let listed = try await run(["approvals"], as: nil)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("\u{FFFD}␀\u{FFFD}␛[2J"), "\(listed.stdout)")
        #expect(!listed.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
        #expect(try await run(["approve", approval.description]).status == 0)

        _ = try StoreDamage.textInAnIntegerColumn.apply(to: fixture)
        let runs = try await run(["runs"], as: nil)
        #expect(runs.status == 6, "\(runs.stdout) \(runs.stderr)")
        #expect(runs.stderr.contains("cannot be read") && runs.stderr.contains("gpus"), "\(runs.stderr)")
        for command in [["approvals", "--state", "all"], ["audit", "verify"], ["institutes"], ["pools"]] {
            let result = try await run(command, as: nil)
            #expect(result.status == 0 || (result.status == 6 && result.stderr.contains("cannot be read")), "\(command): \(result.stderr)")
        }
        #expect(try StoreInvariants.problems(inSQLiteFile: fixture.path).isEmpty)
        HardeningFigures.record(faultsInjected: 2)
    }

    /// A full disk (a 1 MiB tmpfs in a private mount namespace): decisions fail with exit 6 and "full", and
    /// every decision that did commit has its audit record.
    @Test(.enabled(if: geteuid() == 0 && PrivateTmpfs.isAvailable, "needs root and unshare/mount for a private tmpfs"))
    func aFullDiskIsExit6AndEveryCommittedDecisionHasItsAuditRecord() async throws {
        var approvals: [ApprovalID] = []
        for _ in 0..<40 { approvals.append(try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)) }
        let fixture = self.fixture
        let pending = approvals
        let result = try await offPool { try PrivateTmpfs.run(storeFrom: fixture, binary: CLI.binary, approvals: pending) }
        #expect(result.full > 0, "the disk never filled: \(result.log)")
        #expect(result.done > 0, "no decision went through before the disk filled: \(result.log)")
        #expect(result.unexpected.isEmpty, "\(result.unexpected)")
        let copy = result.storeCopy
        let problems = try StoreInvariants.problems(inSQLiteFile: copy)
        #expect(problems.isEmpty, "\(problems)")
        let verify = try await CLI.running(["audit", "verify", "--store", copy], environment: env)
        #expect(verify.status == 0, "\(verify.stderr)")
        HardeningFigures.record(faultsInjected: result.full)
    }
}
