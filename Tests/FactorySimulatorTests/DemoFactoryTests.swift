import Foundation
import Testing
import FactoryModel
import FactoryStore
import GRDB
@testable import FactorySimulator

@Suite("Demo factory")
struct DemoFactoryTests {
    static let tables = ["sites", "pools", "institutes", "projects", "runs", "approvals", "decisions", "operators", "audit_log"]

    /// A store populated with `seed` after `init` made the creator its admin, as the command line does.
    static func populated(seed: UInt64 = 1) throws -> (TemporaryStore, DemoSummary) {
        let temporary = try TemporaryStore()
        try StoreBootstrap.claimAdmin(for: demoCreator, in: temporary.store, at: demoNow)
        let summary = try DemoFactory.populate(temporary.store, seed: seed, now: demoNow, creator: demoCreator)
        return (temporary, summary)
    }

    static func allRuns(_ store: SQLiteJobStore) throws -> [Run] {
        try store.runs(RunQuery(sort: .id, descending: false, limit: 100_000))
    }

    static func allApprovals(_ store: SQLiteJobStore) throws -> [Approval] {
        try store.approvals(ApprovalQuery(states: [], limit: 100_000))
    }

    static func dump(_ store: SQLiteJobStore) throws -> [String: [Row]] {
        try store.bulkLoad { db in
            var rows: [String: [Row]] = [:]
            for table in tables {
                rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
            }
            return rows
        }
    }

    @Test("the catalogue, ≥200 runs in every state and the summary agree with the store")
    func counts() throws {
        let (temporary, summary) = try Self.populated()
        let store = temporary.store
        #expect(try store.institutes().count == 13)
        #expect(try store.institutes().first?.name == "JAZARI ROOT")
        #expect(try store.sites().count >= 5)
        #expect(try store.pools().count >= 8)
        let projects = try store.projectActivity(instituteID: nil)
        #expect((28...34).contains(projects.count))
        let runs = try Self.allRuns(store)
        #expect(runs.count >= 200)
        #expect(runs.count == summary.runs)
        for state in RunState.allCases {
            #expect(runs.contains { $0.state == state }, "no run is \(state.label)")
            #expect(runs.filter { $0.state == state }.count == summary.runs(state))
        }
        #expect((50...70).contains(summary.runs(.queued)))
        #expect((40...70).contains(summary.runs(.running)))
        let pending = try store.approvals(ApprovalQuery(states: [.pending], limit: 1_000))
        #expect(pending.count >= 15)
        #expect(pending.count == summary.approvals(.pending))
        #expect(Set(pending.map(\.risk)) == Set(Risk.allCases))
        #expect(summary.decisions == (try Self.allApprovals(store)).reduce(0) { $0 + $1.decisions.count })
        #expect(summary.sites == 12 && summary.pools == 10 && summary.nodes == DemoCatalogue.nodes.count)
        #expect(summary.description.contains("Runs \(summary.runs)"))
    }

    @Test("run times, nodes and sizes are consistent with each state and pool")
    func runConsistency() throws {
        let (temporary, _) = try Self.populated()
        let now = demoNow
        var gpusOnNode: [String: Int] = [:]
        var coresOnNode: [String: Int] = [:]
        for run in try Self.allRuns(temporary.store) {
            let holdsNode = [RunState.running, .cancelRequested, .rerouteRequested].contains(run.state)
            #expect((run.node != nil) == holdsNode, "\(run.id) \(run.state.label) node \(run.node ?? "none")")
            if let node = run.node {
                let demoNode = DemoCatalogue.nodes.first { $0.name == node }
                #expect(demoNode?.pool == run.poolID, "\(run.id) on \(node) outside \(run.poolID)")
                gpusOnNode[node, default: 0] += run.gpus
                coresOnNode[node, default: 0] += run.cpus
            }
            #expect(run.submittedAt < now)
            #expect((run.endedAt != nil) == run.state.isTerminal, "\(run.id) is \(run.state.label), ended_at wrong")
            if run.state == .queued {
                #expect(run.startedAt == nil)
                #expect(now.timeIntervalSince(run.submittedAt) <= 65 * 60)
            }
            if run.state != .queued && run.state != .cancelled {
                #expect(run.startedAt != nil, "\(run.id) \(run.state.label) never started")
            }
            if let started = run.startedAt { #expect(run.submittedAt < started && started < now) }
            if let ended = run.endedAt { #expect((run.startedAt ?? run.submittedAt) < ended && ended < now) }
            let pool = try #require(DemoCatalogue.pool(run.poolID))
            switch pool.kind {
            case .gpu: #expect((1...8).contains(run.gpus))
            case .cpu: #expect(run.gpus == 0)
            case .edge: #expect((0...1).contains(run.gpus))
            }
            #expect(pool.fits(gpus: run.gpus, cpus: run.cpus) && run.cpus > 0)
            #expect(AccountName.isValid(run.submittedBy))
            switch run.state {
            case .cancelRequested:
                #expect(run.cancelRequest != nil && run.cancelRequest!.at > run.startedAt! && run.cancelRequest!.at < now)
                #expect(!(run.cancelRequest?.reason.isEmpty ?? true))
            case .rerouteRequested:
                let target = try #require(run.rerouteTo.flatMap(DemoCatalogue.pool))
                #expect(run.rerouteRequest != nil && target.id != run.poolID && target.kind == pool.kind)
                #expect(target.fits(gpus: run.gpus, cpus: run.cpus))
            case .failed:
                #expect(!(run.endReason ?? "").isEmpty)
            default:
                break
            }
        }
        for (name, gpus) in gpusOnNode {
            let node = try #require(DemoCatalogue.nodes.first { $0.name == name })
            #expect(gpus <= node.gpuCount, "\(name) holds \(gpus) GPUs of \(node.gpuCount)")
            #expect((coresOnNode[name] ?? 0) <= node.cores, "\(name) holds too many cores")
        }
        let summary = try temporary.store.queueSummary(now: now)
        #expect(summary.failedLastHour >= 3)
        #expect(summary.oldestQueuedAt != nil)
    }

    @Test("approvals: pending ones on awaiting runs, high risk needs two, some hold one of two, four-eyes everywhere")
    func approvalConsistency() throws {
        let (temporary, _) = try Self.populated()
        let store = temporary.store
        let runs = Dictionary(uniqueKeysWithValues: try Self.allRuns(store).map { ($0.id, $0) })
        let approvals = try Self.allApprovals(store)
        let pending = approvals.filter { $0.state == .pending }
        let awaiting = runs.values.filter { $0.state == .awaitingApproval }
        #expect(Set(pending.map(\.runID)) == Set(awaiting.map(\.id)))
        #expect(pending.count == awaiting.count)
        for approval in approvals {
            let run = try #require(runs[approval.runID])
            #expect(approval.requiredApprovals == approval.risk.defaultRequiredApprovals)
            #expect(approval.requestedAt < approval.dueAt)
            #expect(approval.requestedAt > (run.startedAt ?? .distantFuture), "\(approval.id) asked before its run started")
            let deciders = approval.decisions.map(\.decidedBy)
            #expect(Set(deciders).count == deciders.count, "\(approval.id) decided twice by one account")
            for decision in approval.decisions {
                #expect(decision.decidedBy != run.submittedBy && decision.decidedBy != approval.requestedBy)
                #expect(DemoCatalogue.supervisors.contains(decision.decidedBy) && decision.role == .supervisor)
                #expect(decision.at > approval.requestedAt && decision.at < demoNow && decision.at <= approval.dueAt)
                if decision.verdict == .reject { #expect(!(decision.reason ?? "").isEmpty) }
            }
            switch approval.state {
            case .pending:
                #expect(run.state == .awaitingApproval && run.node == nil)
                #expect(approval.requestedAt < demoNow && approval.dueAt > demoNow)
                #expect(approval.approvers.count < approval.requiredApprovals)
                #expect(approval.decidedAt == nil)
            case .approved:
                #expect([RunState.running, .succeeded, .failed].contains(run.state))
                #expect(approval.approvers.count == approval.requiredApprovals)
            case .rejected:
                #expect(run.state == .cancelled && run.endReason == "\(approval.id) rejected")
                #expect(approval.decisions.last?.verdict == .reject)
            case .expired:
                #expect(run.state == .cancelled && run.endReason == "\(approval.id) expired")
                #expect(approval.decidedAt == approval.dueAt)
            case .withdrawn:
                #expect(run.state == .cancelled && run.cancelRequest != nil)
            }
        }
        #expect(pending.filter { $0.dueAt.timeIntervalSince(demoNow) <= 10 * 60 }.count >= 2)
        #expect(pending.allSatisfy { $0.dueAt.timeIntervalSince(demoNow) <= 6 * 3600 })
        #expect(pending.contains { $0.risk == .high && $0.approvers.count == 1 })
        #expect(pending.contains { DemoCatalogue.supervisors.contains($0.runSubmittedBy) }, "four-eyes never bites")
        #expect(pending.contains { $0.runSubmittedBy == "sup-eau" && $0.risk == .high })
        #expect(approvals.contains { DemoCatalogue.agent($0.requestedBy) != nil })
        for state in ApprovalState.allCases {
            #expect(approvals.contains { $0.state == state }, "no approval is \(state.rawValue)")
        }
    }

    @Test("the real action gate accepts the demo: four-eyes refuses sup-eau, another supervisor completes 1 of 2")
    func gateOnDemo() throws {
        let (temporary, _) = try Self.populated()
        let store = temporary.store
        let gate = ActionGate(store: store, clock: FixedClock(demoNow))
        let pending = try store.approvals(ApprovalQuery(states: [.pending], limit: 1_000))
        let target = try #require(pending.first { $0.runSubmittedBy == "sup-eau" && $0.approvers.count == 1 })
        #expect(throws: ActionError.self) { try gate.perform(.approve(target.id, reason: nil), as: Actor(account: "sup-eau")) }
        let second = try #require(
            DemoCatalogue.supervisors.first {
                ![target.runSubmittedBy, target.requestedBy].contains($0) && !target.approvers.contains($0)
            }
        )
        let receipt = try gate.perform(.approve(target.id, reason: "checked"), as: Actor(account: second))
        #expect(receipt.message.contains("2 of 2"))
        #expect(try store.approval(target.id)?.state == .approved)
        // Two deadlines fall within ten minutes: the runtime expires them ten minutes on.
        let runtime = RuntimeService(store: store, clock: FixedClock(demoNow.addingTimeInterval(600)))
        #expect(try runtime.expireOverdue().count >= 1)
        #expect(try store.verifyAudit().firstBreak == nil)
    }

    @Test("the audit trail verifies and tells the history: grants, decisions, cancels, refusals")
    func audit() throws {
        let (temporary, summary) = try Self.populated()
        let store = temporary.store
        let verification = try store.verifyAudit()
        #expect(verification.firstBreak == nil)
        #expect(verification.checked == Int64(summary.auditRecords + 1))  // plus init's record
        let records = try store.auditRecords(AuditQuery(limit: 100_000))
        let actions = Set(records.map(\.action))
        for action in ["init", "grant", "approve", "reject", "cancel", "reroute", "expire", "end", "resume", "demo-load"] {
            #expect(actions.contains(action), "no \(action) record")
        }
        #expect(records.contains { $0.outcome == .denied && $0.details.contains("four-eyes") })
        #expect(records.first?.action == "demo-load")
        #expect(records.last?.action == "init")
        let history = records.dropFirst().dropLast().map(\.at)
        #expect(zip(history, history.dropFirst()).allSatisfy { $0 >= $1 }, "history not in time order")
        // The creator stays admin; the demo accounts have their roles.
        #expect(try store.role(of: demoCreator.account) == .admin)
        for account in DemoCatalogue.accounts {
            #expect(try store.role(of: account.account) == account.role)
        }
    }

    @Test("populate makes the creator admin when the store has no operator yet, and keeps an existing role")
    func creatorBecomesAdmin() throws {
        let temporary = try TemporaryStore()
        _ = try DemoFactory.populate(temporary.store, seed: 5, now: demoNow, creator: Actor(account: "sup-eau"))
        #expect(try temporary.store.role(of: "sup-eau") == .admin)
        #expect(try temporary.store.role(of: "sup-rsu") == .supervisor)
        #expect(try temporary.store.verifyAudit().firstBreak == nil)
    }

    @Test("accents and Tifinagh reach the store intact")
    func scripts() throws {
        let (temporary, _) = try Self.populated()
        let store = temporary.store
        let institutes = try store.institutes().map(\.name)
        #expect(institutes.contains("Laâyoune-Sakia El Hamra") && institutes.contains("Fès-Meknès"))
        let tifinagh = { (text: String) in text.unicodeScalars.contains { (0x2D30...0x2D7F).contains($0.value) } }
        #expect(try store.projectActivity(instituteID: nil).contains { tifinagh($0.project.name) })
        #expect(try Self.allRuns(store).contains { tifinagh($0.title) })
        #expect(try Self.allApprovals(store).contains { $0.subject.contains("—") && $0.proposedAction.contains("m³") })
    }

    @Test("the same seed and time give identical stores; another seed another one")
    func determinism() throws {
        let (first, _) = try Self.populated(seed: 1)
        let (second, _) = try Self.populated(seed: 1)
        let (other, _) = try Self.populated(seed: 2)
        let a = try Self.dump(first.store)
        let b = try Self.dump(second.store)
        let c = try Self.dump(other.store)
        for table in Self.tables {
            #expect(a[table] == b[table], "\(table) differs between two stores with the same seed")
            #expect(!(a[table] ?? []).isEmpty, "\(table) is empty")
        }
        #expect(a["runs"] != c["runs"])
        #expect(a["approvals"] != c["approvals"])
        #expect(a["sites"] == c["sites"])
    }

    @Test("populate refuses a store that already holds a factory and changes nothing")
    func refusesNonEmpty() throws {
        let (temporary, _) = try Self.populated()
        let before = try Self.dump(temporary.store)
        #expect(throws: StoreError.self) {
            try DemoFactory.populate(temporary.store, seed: 9, now: demoNow, creator: demoCreator)
        }
        do {
            _ = try DemoFactory.populate(temporary.store, seed: 9, now: demoNow, creator: demoCreator)
        } catch {
            #expect(error.message.contains("already holds"))
        }
        #expect(try Self.dump(temporary.store) == before)
    }

    @Test("populating takes well under a second")
    func speed() throws {
        let temporary = try TemporaryStore()
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            _ = try DemoFactory.populate(temporary.store, seed: 1, now: demoNow, creator: demoCreator)
        }
        print("populate took \(elapsed)")
        #expect(elapsed < .seconds(1))
    }
}
