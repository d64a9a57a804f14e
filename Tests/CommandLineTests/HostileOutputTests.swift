import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport
import GRDB

/// Hostile text in every field of every listing, in plain text, in JSON, and quoted in error messages.
@Suite("Hostile and oversized text on the command line", .enabled(if: !TestStoreBackend.current.isPostgres, "reads and damages the SQLite file itself"))
struct HostileOutputTests {
    let fixture: StoreFixture
    let env: [String: String]

    init() throws {
        fixture = try StoreFixture()
        try Hostile.seed(fixture)
        env = CLI.environment(home: fixture.folder)
    }

    static let listings: [[String]] = [
        ["runs"], ["approvals", "--state", "all"], ["institutes"], ["audit", "show"], ["operators", "list"], ["pools"],
    ]

    /// Scalars that must not appear in plain output: every control but the newline, DEL, and the C1, bidi and
    /// zero-width scalars of ``Hostile/forbiddenAnywhere``.
    static func dangerous(in text: String, allowing allowed: Set<UInt32> = [0x0A]) -> [String] {
        let forbidden = Set(Hostile.forbiddenAnywhere.compactMap { String(decoding: $0.bytes, as: UTF8.self).unicodeScalars.first?.value })
        return text.unicodeScalars.filter { scalar in
            !allowed.contains(scalar.value) && (scalar.value < 0x20 || scalar.value == 0x7F || forbidden.contains(scalar.value))
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    @Test(arguments: listings)
    func plainListingsShowPlaceholdersAndNothingThatActsOnATerminal(command: [String]) async throws {
        let result = try await CLI.running(command + ["--store", fixture.path], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.dangerous(in: result.stdout).isEmpty, "\(command): \(Self.dangerous(in: result.stdout))")
        #expect(String(validating: Array(result.stdout.utf8), as: UTF8.self) != nil)
        if command != ["pools"] && command != ["operators", "list"] {
            #expect(result.stdout.contains("␛[2J"), "\(command) shows no visible placeholder: \(result.stdout.prefix(2000))")
        }
        HardeningFigures.record(hostileInputs: Hostile.payloads.count)
    }

    @Test(arguments: listings)
    func jsonEscapesEveryUnsafeScalarAndKeepsTheTextExact(command: [String]) async throws {
        let result = try await CLI.running(command + ["--json", "--store", fixture.path], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        let raw = result.stdout
        let unsafe = Self.dangerous(in: raw, allowing: [0x0A]) + raw.unicodeScalars.filter { (0x80...0x9F).contains($0.value) }.map { "\($0.value)" }
        #expect(unsafe.isEmpty, "\(command) --json printed raw: \(unsafe)")
        let parsed = try JSONSerialization.jsonObject(with: Data(raw.utf8))
        let text = String(describing: parsed)
        switch command[0] {
        case "runs":
            let rows = try #require(parsed as? [[String: Any]])
            #expect(rows.contains { $0["title"] as? String == Hostile.field("RT") && $0["agent"] as? String == Hostile.field("AG") })
        case "approvals":
            let rows = try #require(parsed as? [[String: Any]])
            let row = try #require(rows.first { $0["subject"] as? String == Hostile.field("SJ") })
            #expect(row["rationale"] as? String == Hostile.field("RA") + "\n" + Hostile.field("RB"))
            #expect(row["proposed_action"] as? String == Hostile.field("PA"))
        case "institutes":
            let rows = try #require(parsed as? [[String: Any]])
            #expect(rows.contains { $0["name"] as? String == Hostile.field("IN") })
        case "audit":
            let rows = try #require(parsed as? [[String: Any]])
            #expect(rows.contains { $0["actor"] as? String == Hostile.field("AA") && $0["subject"] as? String == Hostile.field("AS") })
        default:
            #expect(!text.isEmpty)
        }
        HardeningFigures.record(hostileInputs: Hostile.payloads.count)
    }

    @Test func nodesFromAHostileRegistryArePrintedInertInTextAndJSON() async throws {
        let registry = try StubRegistry(.serve(try StubRegistry.document(
            name: Hostile.field("NN"), site: Hostile.field("NS"), pool: Hostile.field("NP"), model: Hostile.field("NM")
        )))
        defer { registry.stop() }
        let plain = try await CLI.running(["nodes", "--registry", registry.url], environment: env)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(Self.dangerous(in: plain.stdout).isEmpty, "\(Self.dangerous(in: plain.stdout))")
        #expect(plain.stdout.contains("NN␛[2J"))
        let json = try await CLI.running(["nodes", "--json", "--registry", registry.url], environment: env)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(Self.dangerous(in: json.stdout).isEmpty && !json.stdout.unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let node = try #require((document["nodes"] as? [[String: Any]])?.first)
        #expect(node["name"] as? String == Hostile.field("NN"))
        HardeningFigures.record(hostileInputs: 4 * Hostile.payloads.count)
    }

    /// A decider's name from the store, quoted in a conflict message on stderr.
    @Test func errorMessagesQuotingStoreTextAreSanitisedToo() async throws {
        let approval = try fixture.pendingApproval(risk: .low, dueIn: 10 * 365 * 86_400)
        try fixture.store.bulkLoad { db in
            try db.execute(
                sql: "INSERT INTO decisions (approval_id, decided_by, role, verdict, reason, at) VALUES (?, ?, 'supervisor', 'reject', 'x', 0)",
                arguments: [approval.rawValue, Hostile.field("DB")]
            )
            try db.execute(sql: "UPDATE approvals SET state = 'rejected', decided_at = 0 WHERE id = ?", arguments: [approval.rawValue])
        }
        let result = try await CLI.running(["approve", approval.description, "--store", fixture.path, "--as", "sup-rsu"], environment: env)
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderr.contains("DB␛[2J"), "\(result.stderr)")
        #expect(Self.dangerous(in: result.stderr).isEmpty, "\(Self.dangerous(in: result.stderr))")
        HardeningFigures.record(hostileInputs: Hostile.payloads.count)
    }

    @Test func aOneMegabyteSubjectAndRationaleAreCutCleanlyAndQuickly() async throws {
        let huge = String(repeating: "Ω\u{1B}[2J", count: 1 << 18)  // 1 MiB of characters, escapes in it
        let run = try fixture.makeRun(state: .running)
        try fixture.runtime(at: Date()).requestApproval(NewApproval(
            runID: run, subject: huge, proposedAction: huge, rationale: huge, risk: .low, requestedBy: "hydro-planner",
            requestedAt: Date(), dueAt: Date().addingTimeInterval(86_400)
        ))
        let clock = ContinuousClock()
        let start = clock.now
        let plain = try await CLI.running(["approvals", "--store", fixture.path], environment: env)
        let plainTime = clock.now - start
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.utf8.count < 64 * 1024, "a 1 MB field printed \(plain.stdout.utf8.count) bytes in a table")
        #expect(Self.dangerous(in: plain.stdout).isEmpty)
        #expect(plainTime < .seconds(15), "took \(plainTime) (about 0.3 s on an idle machine)")
        let json = try await CLI.running(["approvals", "--json", "--store", fixture.path], environment: env)
        #expect(json.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.contains { $0["subject"] as? String == huge }, "JSON keeps the field whole and exact")
        HardeningFigures.record(hostileInputs: 3)
    }

    @Test func emptyStringsEverywhereListFine() async throws {
        let run = try fixture.runtime(at: Date()).submit(NewRun(
            agent: "", title: "", projectID: ProjectID(rawValue: 1), priority: .low, poolID: "dakhla-gpu", gpus: 0, cpus: 0,
            submittedBy: "", submittedAt: Date()
        ))
        try fixture.runtime(at: Date()).start(run, node: "")
        try fixture.runtime(at: Date()).requestApproval(NewApproval(
            runID: run, subject: "", proposedAction: "", rationale: "", risk: .low, requestedBy: "", requestedAt: Date(),
            dueAt: Date().addingTimeInterval(86_400)
        ))
        for command in Self.listings + [["runs", "--json"], ["approvals", "--json"]] {
            let result = try await CLI.running(command + ["--store", fixture.path], environment: env)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        HardeningFigures.record(hostileInputs: 8)
    }

    @Test func anASCIILocaleGetsPureASCIIFromHostileText() async throws {
        let ascii = CLI.environment(home: fixture.folder, extra: ["LANG": "C"])
        for command in Self.listings {
            let result = try await CLI.running(command + ["--store", fixture.path], environment: ascii)
            #expect(result.status == 0)
            let bad = result.stdout.unicodeScalars.filter { $0 != "\n" && !(0x20..<0x7F).contains($0.value) }
            #expect(bad.isEmpty, "\(command): \(bad.map { String($0.value, radix: 16) })")
        }
        HardeningFigures.record(hostileInputs: Hostile.payloads.count)
    }
}
