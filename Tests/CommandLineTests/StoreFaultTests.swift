import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport
import GRDB

/// A job store that is busy, read-only, missing, damaged or on a full disk: the command line says what is wrong
/// (exit 6), and an action either commits with its audit record or leaves nothing at all.
@Suite("A failing job store, from the command line")
struct StoreFaultTests {
    let fixture: StoreFixture
    let env: [String: String]

    init() throws {
        fixture = try StoreFixture()
        env = CLI.environment(home: fixture.folder)
    }

    func run(_ arguments: [String], store: String? = nil, as account: String? = "sup-eau") throws -> CLI.Result {
        var arguments = arguments + ["--store", store ?? fixture.path]
        if let account { arguments += ["--as", account] }
        return try CLI.run(arguments, environment: env)
    }

    /// Another process holds the write lock longer than the busy timeout: the decision fails with exit 6 and
    /// changes nothing, while reading goes on.
    @Test(.enabled(if: geteuid() == 0, "acts for a supervisor with --as, which needs root"))
    func aWriteLockHeldTooLongIsExit6AndChangesNothing() throws {
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        let before = try fixture.snapshot()
        let holder = try WriteLockHolder(path: fixture.path, seconds: SQLiteJobStore.busyTimeout + 2)
        let decision = try CLI.start(["approve", approval.description, "--store", fixture.path, "--as", "sup-eau"], environment: env)
        let reading = try run(["approvals"], as: nil)
        #expect(reading.status == 0 && reading.stdout.contains(approval.description), "reads must go on: \(reading.stderr)")
        let result = CLI.finish(decision.0, decision.1, decision.2)
        holder.wait()
        #expect(result.status == 6, "\(result.stderr)")
        #expect(result.stderr.contains("busy") && result.stderr.contains("Nothing was changed"), "\(result.stderr)")
        #expect(try fixture.snapshot() == before)
        #expect(try StoreInvariants.problems(inSQLiteFile: fixture.path).isEmpty)
        // Once the lock is gone the same decision goes through, with its audit record.
        let retry = try run(["approve", approval.description])
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(try StoreInvariants.problems(inSQLiteFile: fixture.path).isEmpty)
        HardeningFigures.record(faultsInjected: 1)
    }

    /// The store's files are read-only for the account (root ignores file modes, so the command runs as nobody).
    @Test(.enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser"), "needs root and runuser"))
    func aReadOnlyStoreIsExit6AndChangesNothing() throws {
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        _ = try fixture.gate().perform(.grant(account: "nobody", role: .supervisor), as: Actor(account: "root-admin"))
        let before = try fixture.snapshot()
        for file in try FileManager.default.contentsOfDirectory(atPath: fixture.folder.path) where file.hasPrefix("factory.sqlite") {
            chmod(fixture.folder.appendingPathComponent(file).path, 0o444)
        }
        chmod(fixture.folder.path, 0o555)
        defer { chmod(fixture.folder.path, 0o755) }
        let asNobody = ["/usr/sbin/runuser", "-u", "nobody", "--"]
        let result = try CLI.run(["approve", approval.description, "--store", fixture.path], environment: env, prefix: asNobody)
        #expect(result.status == 6, "\(result.stderr)")
        #expect(result.stderr.contains("read-only"), "\(result.stderr)")
        chmod(fixture.folder.path, 0o755)
        #expect(try fixture.snapshot() == before)
        HardeningFigures.record(faultsInjected: 1)
    }

    /// Missing, not a database or cut short: every command, the dashboard included, says so with exit 6.
    @Test(arguments: [StoreDamage.missing, .garbage, .truncated])
    func aMissingOrDamagedStoreIsExit6WithAClearMessage(damage: StoreDamage) throws {
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        let path = try damage.apply(to: fixture)
        var commands = [["runs"], ["approvals"], ["audit", "verify"], ["approve", approval.description]]
        // The dashboard opens the store before it takes the terminal.
        if damage != .truncated { commands.append(["dashboard"]) }
        for command in commands {
            let result = try run(command, store: path)
            #expect(result.status == 6, "\(damage) \(command): exit \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(damage.expectedWords), "\(damage) \(command): \(result.stderr)")
        }
        HardeningFigures.record(faultsInjected: commands.count)
    }

    /// Rows changed behind the console's back into values of the wrong type (a BLOB of invalid UTF-8 with an
    /// escape in a TEXT column, text in an INTEGER column) once crashed every command that read them. Now text is
    /// read leniently and shown inert, and a value that cannot be what its column means is reported (exit 6).
    @Test func rowsOfTheWrongTypeAreShownInertOrReportedNeverCrash() throws {
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        _ = try StoreDamage.blobInATextColumn.apply(to: fixture)
        let listed = try run(["approvals"], as: nil)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("\u{FFFD}␀\u{FFFD}␛[2J"), "\(listed.stdout)")
        #expect(!listed.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
        #expect(try run(["approve", approval.description]).status == 0)

        _ = try StoreDamage.textInAnIntegerColumn.apply(to: fixture)
        let runs = try run(["runs"], as: nil)
        #expect(runs.status == 6, "\(runs.stdout) \(runs.stderr)")
        #expect(runs.stderr.contains("cannot be read") && runs.stderr.contains("gpus"), "\(runs.stderr)")
        for command in [["approvals", "--state", "all"], ["audit", "verify"], ["institutes"], ["pools"]] {
            let result = try run(command, as: nil)
            #expect(result.status == 0 || (result.status == 6 && result.stderr.contains("cannot be read")), "\(command): \(result.stderr)")
        }
        #expect(try StoreInvariants.problems(inSQLiteFile: fixture.path).isEmpty)
        HardeningFigures.record(faultsInjected: 2)
    }

    /// A full disk (a 1 MiB tmpfs in a private mount namespace): decisions fail with exit 6 and "full", and
    /// every decision that did commit has its audit record.
    @Test(.enabled(if: geteuid() == 0 && PrivateTmpfs.isAvailable, "needs root and unshare/mount for a private tmpfs"))
    func aFullDiskIsExit6AndEveryCommittedDecisionHasItsAuditRecord() throws {
        var approvals: [ApprovalID] = []
        for _ in 0..<40 { approvals.append(try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)) }
        let result = try PrivateTmpfs.run(storeFrom: fixture, binary: CLI.binary, approvals: approvals)
        #expect(result.full > 0, "the disk never filled: \(result.log)")
        #expect(result.done > 0, "no decision went through before the disk filled: \(result.log)")
        #expect(result.unexpected.isEmpty, "\(result.unexpected)")
        let copy = result.storeCopy
        let problems = try StoreInvariants.problems(inSQLiteFile: copy)
        #expect(problems.isEmpty, "\(problems)")
        let verify = try CLI.run(["audit", "verify", "--store", copy], environment: env)
        #expect(verify.status == 0, "\(verify.stderr)")
        HardeningFigures.record(faultsInjected: result.full)
    }
}

/// The ways a store file can be missing or damaged.
enum StoreDamage: String, CaseIterable, CustomStringConvertible, Sendable {
    case missing, garbage, truncated, blobInATextColumn, textInAnIntegerColumn

    var description: String { rawValue }

    /// Words the message must hold.
    var expectedWords: String {
        switch self {
        case .missing: "There is no job store"
        case .garbage, .truncated: "damaged"
        case .blobInATextColumn, .textInAnIntegerColumn: "cannot be read"
        }
    }

    /// Damages `fixture`'s store (or a copy) and returns the path to use.
    func apply(to fixture: StoreFixture) throws -> String {
        let folder = fixture.folder
        switch self {
        case .missing:
            return folder.appendingPathComponent("nowhere/factory.sqlite").path
        case .garbage:
            let path = folder.appendingPathComponent("garbage.sqlite").path
            var random = SystemRandomNumberGenerator()
            try Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: URL(fileURLWithPath: path))
            return path
        case .truncated:
            let queue = try DatabaseQueue(path: fixture.path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try queue.close()
            let data = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
            let path = folder.appendingPathComponent("truncated.sqlite").path
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
            return path
        case .blobInATextColumn:
            try fixture.store.bulkLoad { db in try db.execute(sql: "UPDATE approvals SET subject = X'ff00fe1b5b324a'") }
            return fixture.path
        case .textInAnIntegerColumn:
            try fixture.store.bulkLoad { db in try db.execute(sql: "UPDATE runs SET gpus = 'many'") }
            return fixture.path
        }
    }
}

/// A second connection that holds the store's write lock (`BEGIN IMMEDIATE`) for a while, on its own thread.
final class WriteLockHolder: Sendable {
    private let done = DispatchSemaphore(value: 0)

    /// Returns once the lock is held.
    init(path: String, seconds: TimeInterval) throws {
        let queue = try DatabaseQueue(path: path)
        let held = DispatchSemaphore(value: 0)
        let done = self.done
        Thread {
            try? queue.inDatabase { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                held.signal()
                Thread.sleep(forTimeInterval: seconds)
                try db.execute(sql: "ROLLBACK")
            }
            try? queue.close()
            done.signal()
        }.start()
        held.wait()
    }

    /// Waits for the lock to be released.
    func wait() { done.wait() }
}
