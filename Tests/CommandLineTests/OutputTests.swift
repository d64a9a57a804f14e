import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("What the listing commands print")
struct OutputTests {
    let fixture: StoreFixture
    let env: [String: String]

    init() throws {
        fixture = try StoreFixture()
        env = CLI.environment(home: fixture.folder)
    }

    func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try CLI.run(arguments + ["--json", "--store", fixture.path], environment: env)
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try #require(parsed as? [[String: Any]])
    }

    @Test func runsJSONCarriesTheDocumentedKeysAndIdsTheOtherCommandsAccept() throws {
        let run = try fixture.makeRun(state: .running)
        let rows = try json(["runs"])
        let row = try #require(rows.first { $0["id"] as? String == run.description })
        for key in ["id", "title", "agent", "project", "institute", "state", "priority", "pool", "node", "submitted_by", "submitted_at"] {
            #expect(row[key] != nil, "missing \(key)")
        }
        #expect(row["state"] as? String == "running")
        #expect((row["submitted_at"] as? String)?.hasSuffix("Z") == true)
        #expect(RunID(row["id"] as? String ?? "") == run)
    }

    @Test func approvalsJSONCarriesDecisions() throws {
        let approval = try fixture.pendingApproval(risk: .high, dueIn: 10 * 365 * 86_400)
        _ = try fixture.gate(at: Date()).perform(.approve(approval, reason: "un sur deux"), as: Actor(account: "sup-eau"))
        let rows = try json(["approvals", "--state", "all"])
        let row = try #require(rows.first { $0["id"] as? String == approval.description })
        for key in ["id", "run_id", "subject", "risk", "state", "required_approvals", "requested_by", "requested_at", "due_at", "decisions"] {
            #expect(row[key] != nil, "missing \(key)")
        }
        #expect(row["required_approvals"] as? Int == 2)
        let decisions = try #require(row["decisions"] as? [[String: Any]])
        #expect(decisions.count == 1)
        #expect(decisions[0]["by"] as? String == "sup-eau" && decisions[0]["decision"] as? String == "approve")
        #expect(decisions[0]["reason"] as? String == "un sur deux")
    }

    @Test func institutesJSONCarryTheirProjects() throws {
        let rows = try json(["institutes"])
        let institute = try #require(rows.first)
        #expect(institute["id"] as? String == "guelmim-oued-noun")
        let projects = try #require(institute["projects"] as? [[String: Any]])
        #expect(projects.first?["name"] as? String == "Eau prédictive")
    }

    @Test func hostileTextIsNeutralisedInPlainOutputAndEscapedInJSON() throws {
        let hostile = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}txet\u{200B}"
        let run = try fixture.runtime().submit(NewRun(
            agent: "agent\u{1B}[31m", title: hostile, projectID: ProjectID(rawValue: 1), priority: .high, poolID: "dakhla-gpu",
            gpus: 1, cpus: 1, submittedBy: "x", submittedAt: fixture.now
        ))
        let plain = try CLI.run(["runs", "--store", fixture.path], environment: env)
        #expect(plain.status == 0)
        let dangerous = plain.stdout.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || $0.value == 0x200B
        }
        #expect(dangerous.isEmpty, "control characters reached the output: \(dangerous.map { String($0.value, radix: 16) })")
        #expect(plain.stdout.contains("Evil"))
        let rows = try json(["runs"])
        #expect(rows.first { $0["id"] as? String == run.description }?["title"] as? String == hostile)
        let raw = try CLI.run(["runs", "--json", "--store", fixture.path], environment: env).stdout
        #expect(!raw.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func nonUTF8LocalesGetASCIIThatStillLinesUp() throws {
        let ascii = try CLI.run(["institutes", "--store", fixture.path], environment: CLI.environment(home: fixture.folder, extra: ["LANG": "C"]))
        #expect(ascii.status == 0)
        #expect(ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(ascii.stdout.contains("Eau predictive"))
    }
}
