import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("Exit codes and messages of the command line")
struct ExitCodeTests {
    let commandLine: StoreCommandLine
    var fixture: StoreFixture { commandLine.fixture }
    var env: [String: String] { commandLine.env }

    init() throws { commandLine = try StoreCommandLine() }

    func run(_ arguments: [String], as account: String? = nil) throws -> CLI.Result {
        try commandLine.run(arguments, as: account)
    }

    @Test func approvingAsASupervisorSucceedsAndIsAttributedToTheAccountViaRoot() throws {
        let approval = try fixture.pendingApproval(dueIn: 10 * 365 * 86_400)
        let result = try run(["approve", approval.description, "--reason", "vérifié"], as: "sup-eau")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Approved \(approval)"))
        let decision = try #require(try fixture.store.approval(approval)?.decisions.first)
        #expect(decision.decidedBy == "sup-eau" && decision.via == "root" && decision.reason == "vérifié")
    }

    @Test func identityIsTheEffectiveAccountNotTheEnvironment() throws {
        let run = try fixture.makeRun(state: .queued)
        var spoofed = env
        spoofed["USER"] = "sup-eau"
        spoofed["LOGNAME"] = "sup-eau"
        let result = try CLI.run(["cancel", run.description, "--reason", "spoof", "--store", fixture.path], environment: spoofed)
        #expect(result.status == 3, "root is a viewer in this store: \(result.stderr)")
        let record = try #require(try fixture.store.auditRecords(AuditQuery(limit: 1)).first)
        #expect(record.actor == "root" && record.outcome == .denied)
    }

    @Test func notPermittedIs3() throws {
        let approval = try fixture.pendingApproval()
        let result = try run(["approve", approval.description], as: "ops-nuit")
        #expect(result.status == 3)
        #expect(result.stderr.contains("supervisor"))
        #expect(result.stdout.isEmpty)
    }

    @Test func asFromANonRootAccountIsRefusedWith3() throws {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else {
            Issue.record("this test needs root and runuser to run the command as another account")
            return
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.folder.path)
        let result = try CLI.run(
            ["runs", "--as", "sup-eau", "--store", fixture.path], environment: env, prefix: ["/usr/sbin/runuser", "-u", "nobody", "--"]
        )
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("Only root may act for another account"))
    }

    @Test func conflictIs4AndNamesWhoDecided() throws {
        let approval = try fixture.pendingApproval(dueIn: 10 * 365 * 86_400)
        #expect(try run(["approve", approval.description], as: "sup-eau").status == 0)
        let late = try run(["reject", approval.description, "--reason", "non"], as: "sup-rsu")
        #expect(late.status == 4)
        #expect(late.stderr.contains("already approved by sup-eau"))
    }

    @Test func unknownIdsAre5AndChangeNothing() throws {
        let before = try fixture.snapshot()
        for arguments in [
            ["approve", "A-999999"], ["reject", "A-999999", "--reason", "x"], ["cancel", "R-999999", "--reason", "x"],
            ["reroute", "R-999999", "--to", "rabat-cpu", "--reason", "x"],
        ] {
            let result = try run(arguments, as: "sup-eau")
            #expect(result.status == 5, "\(arguments): \(result.stderr)")
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test func missingReasonsAndBadInputAre64AndChangeNothing() throws {
        let approval = try fixture.pendingApproval()
        let queued = try fixture.makeRun(state: .queued)
        let before = try fixture.snapshot()
        for arguments in [
            ["reject", approval.description], ["reject", approval.description, "--reason", "  "],
            ["cancel", queued.description], ["reroute", queued.description, "--to", "benguerir-gpu"],
            ["approve", "A-12; DROP TABLE approvals"], ["runs", "--state", "flying"], ["approvals", "--state", "maybe"],
            ["operators", "grant", "x", "emperor"], ["nonsense-command"],
        ] {
            let result = try run(arguments, as: "sup-eau")
            #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
            #expect(!result.stderr.isEmpty)
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test func aMissingStoreIs6AndSaysHowToCreateOne() throws {
        let result = try CLI.run(["runs", "--store", fixture.folder.appendingPathComponent("none.sqlite").path], environment: env)
        #expect(result.status == 6)
        #expect(result.stderr.contains("fusion-console init"))
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("none.sqlite").path))
    }

    @Test func auditVerifyPassesThenFailsNamingTheRecord() throws {
        let ok = try run(["audit", "verify"])
        #expect(ok.status == 0 && ok.stdout.contains("intact"))
        try fixture.tamper("UPDATE audit_log SET details = '{\"reason\":\"forged\"}' WHERE seq = 3")
        let broken = try run(["audit", "verify"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("record 3"))
    }

    @Test func versionPrintsTheSchemaVersion() throws {
        let result = try CLI.run(["--version"], environment: env)
        #expect(result.status == 0)
        #expect(result.stdout.contains("schema \(JobStoreSchema.version)"))
    }

    @Test func anUnreachableRegistryIsExit6WithAPlainMessage() throws {
        let result = try CLI.run(["nodes", "--registry", "prometheus+http://127.0.0.1:9", "--json"], environment: env)
        #expect(result.status == 6)
        #expect(result.stderr.contains("127.0.0.1:9"))
        #expect(result.stdout.isEmpty)
    }

    /// A registry that hangs past the timeout, speaks plain HTTP to a TLS client, answers garbage or 500: exit 6,
    /// nothing on standard output, and a message that names the cause.
    @Test(arguments: ["hang", "tls", "garbage", "500"])
    func aFailingRegistryIsExit6NamingTheCause(failure: String) throws {
        let config = fixture.folder.appendingPathComponent("timeouts-\(failure).toml")
        try "[registry]\nconnect_timeout = 1\ntimeout = 2\n".write(to: config, atomically: true, encoding: .utf8)
        chmod(config.path, 0o600)
        let registry = try StubRegistry(
            failure == "hang" ? .hang
                : failure == "garbage" ? .serve(Data("<html>maintenance</html>".utf8))
                : failure == "500" ? .status(500)
                : .serve(try StubRegistry.document(name: "n1", site: "dakhla", pool: "dakhla-gpu", model: "H100"))
        )
        defer { registry.stop() }
        let url = failure == "tls" ? registry.url.replacingOccurrences(of: "http://", with: "https://") : registry.url
        let result = try CLI.run(["nodes", "--registry", url, "--json", "--config", config.path], environment: env)
        #expect(result.status == 6, "\(failure): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let cause = ["hang": "timed out", "tls": "TLS", "garbage": "JSON", "500": "500"][failure] ?? "?"
        #expect(result.stderr.localizedCaseInsensitiveContains(cause), "\(failure): \(result.stderr)")
    }
}
