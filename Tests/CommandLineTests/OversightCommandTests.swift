import Foundation
import Testing
import FactoryModel
import FactoryStore
import FactoryTestSupport

@Suite("The oversight commands: pause, resume, pauses, reverse, escalate, report", .enabled(if: geteuid() == 0, "acts for supervisors with --as, which needs root"))
struct OversightCommandTests {
    let commandLine: StoreCommandLine
    var fixture: StoreFixture { commandLine.fixture }
    var env: [String: String] { commandLine.env }

    init() throws { commandLine = try StoreCommandLine() }

    func run(_ arguments: [String], as account: String? = nil) throws -> CLI.Result {
        try commandLine.run(arguments, as: account)
    }

    @Test func pausingAPoolListsItAndResumingByNameLiftsIt() throws {
        let paused = try run(["pause", "pool", "dakhla-gpu", "--reason", "refroidissement en panne"], as: "sup-eau")
        #expect(paused.status == 0, "\(paused.stderr)")
        #expect(paused.stdout.contains("Paused pool dakhla-gpu as H-1"))

        let listed = try run(["pauses"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("H-1") && listed.stdout.contains("active") && listed.stdout.contains("refroidissement en panne"))
        let json = try run(["pauses", "--json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["state"] as? String == "active")
        #expect(decoded?.first?["requested_by"] as? String == "sup-eau")

        let pools = try run(["pools"])
        #expect(pools.stdout.split(separator: "\n").first { $0.hasPrefix("dakhla-gpu ") }?.hasSuffix("PAUSED") == true, "\(pools.stdout)")
        #expect(pools.stdout.split(separator: "\n").first { $0.hasPrefix("rabat-cpu ") }?.hasSuffix("open") == true)

        let noReason = try run(["resume", "pool", "dakhla-gpu"], as: "sup-rsu")
        #expect(noReason.status == 64)
        let resumed = try run(["resume", "pool", "dakhla-gpu", "--reason", "réparé"], as: "sup-rsu")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try fixture.store.pausedPoolIDs().isEmpty)
        let nothing = try run(["pauses"])
        #expect(nothing.stdout.contains("Nothing is paused."))
    }

    @Test func exitCodesOfPauseFollowTheOtherCommands() throws {
        #expect(try run(["pause", "pool", "dakhla-gpu", "--reason", "x"], as: "ops-nuit").status == 3)
        #expect(try run(["pause", "pool", "nowhere", "--reason", "x"], as: "sup-eau").status == 5)
        #expect(try run(["pause", "pool", "dakhla-gpu"], as: "sup-eau").status == 64)
        #expect(try run(["pause", "lake", "dakhla"], as: "sup-eau").status == 64)
        let site = try run(["pause", "site", "dakhla", "--reason", "alerte réseau", "--drain"], as: "sup-eau")
        #expect(site.status == 0, "\(site.stderr)")
        #expect(site.stdout.contains("second supervisor"))
        #expect(try run(["pause", "confirm", "H-1"], as: "sup-eau").status == 3)
        let confirmed = try run(["pause", "confirm", "H-1", "--reason", "vu"], as: "sup-rsu")
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try run(["pause", "confirm", "H-1"], as: "sup-energie").status == 4)
        #expect(try run(["pause", "confirm", "H-99"], as: "sup-energie").status == 5)
        #expect(try fixture.store.pausedPoolIDs() == ["dakhla-gpu", "benguerir-gpu"])
        #expect(try fixture.store.verifyAudit().firstBreak == nil)
    }

    @Test func reverseReopensTheApprovalWithALinkedRecordAndKeepsTheDecision() throws {
        let approval = try fixture.pendingApproval(dueIn: 10 * 365 * 86_400)
        #expect(try run(["approve", approval.description], as: "sup-eau").status == 0)
        #expect(try fixture.store.approval(approval)?.state == .approved)

        #expect(try run(["reverse", approval.description], as: "sup-rsu").status == 64)
        #expect(try run(["reverse", approval.description, "--reason", "wrong basin"], as: "ops-nuit").status == 3)
        #expect(try run(["reverse", "A-999999", "--reason", "wrong basin"], as: "sup-rsu").status == 5)
        let reversed = try run(["reverse", approval.description, "--reason", "wrong basin"], as: "sup-rsu")
        #expect(reversed.status == 0, "\(reversed.stderr)")
        #expect(try fixture.store.approval(approval)?.state == .pending)
        #expect(try run(["reverse", approval.description, "--reason", "again"], as: "sup-rsu").status == 4)
        // The reversed supervisor may not decide it again; another may.
        #expect(try run(["approve", approval.description], as: "sup-eau").status == 3)
        #expect(try run(["reject", approval.description, "--reason", "basin report is out of date"], as: "sup-energie").status == 0)
        #expect(try fixture.store.approval(approval)?.state == .rejected)

        let counts = try fixture.store.rawSQL { db in
            try db.rows("SELECT (SELECT COUNT(*) FROM decisions) AS decisions, (SELECT COUNT(*) FROM decision_reversals) AS reversals")
        }
        #expect(counts.first?["decisions"].int64 == 2 && counts.first?["reversals"].int64 == 1, "\(counts)")
        let trail = try run(["audit", "--json"])
        #expect(trail.stdout.contains("\"reverse\""), "\(trail.stdout.prefix(400))")
        #expect(try run(["audit", "verify"]).status == 0)
        #expect(try StoreInvariants.problems(in: fixture.store).isEmpty)
    }

    @Test func escalateNamesTheSupervisorInTheApprovalsList() throws {
        let approval = try fixture.pendingApproval(dueIn: 10 * 365 * 86_400)
        let escalated = try run(["escalate", approval.description, "--to", "sup-eau", "--reason", "urgent"], as: "ops-nuit")
        #expect(escalated.status == 0, "\(escalated.stderr)")
        let listed = try run(["approvals"])
        #expect(listed.stdout.contains("escalated to sup-eau"))
        #expect(try run(["escalate", approval.description, "--to", "ops-nuit", "--reason", "x"], as: "ops-nuit").status == 64)
    }

    @Test func expiredApprovalsNameWhoWasOnDuty() throws {
        let escalated = try fixture.pendingApproval(dueIn: 60)
        _ = try fixture.gate().perform(.escalate(escalated, to: "sup-rsu", reason: "due soon"), as: Actor(account: "ops-nuit"))
        let silent = try fixture.pendingApproval(dueIn: 60)
        _ = try fixture.runtime(at: fixture.now.addingTimeInterval(120)).expireOverdue()
        let listed = try run(["approvals", "--state", "expired"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first { $0.hasPrefix(escalated.description + " ") }?.contains("on duty: sup-rsu") == true, "\(listed.stdout)")
        #expect(lines.first { $0.hasPrefix(silent.description + " ") }?.contains("on duty: root-admin, sup-eau, sup-energie, sup-rsu") == true)
    }

    @Test func theReportPrintsATableAndJSON() throws {
        let approval = try fixture.pendingApproval()
        _ = try fixture.gate().perform(.approve(approval, reason: "ok"), as: Actor(account: "sup-eau"))
        let table = try run(["report", "--since", "3650d"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("SUPERVISOR") && table.stdout.contains("sup-eau") && table.stdout.contains("100%"))
        let json = try run(["report", "--since", "2020-01-01", "--json", "--min-reading", "400s"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["supervisor"] as? String == "sup-eau")
        #expect(decoded?.first?["too_fast"] as? Int == 1)
        #expect(decoded?.first?["median_seconds_to_decide"] as? Double == 300)
        #expect(try run(["report", "--since", "yesterday-ish"]).status == 64)
    }
}
