import Foundation
import Testing
import FactoryModel
import FactoryStore
import GRDB
@testable import FactorySimulator

/// Hours of simulated factory in seconds, with operators acting now and then.
@Suite("Long run")
struct LongRunTests {
    /// Operators and supervisors acting at random on what they see: approve, reject, cancel, reroute.
    struct Operators {
        var random: SeededRandom

        mutating func act(on fixture: SimulationFixture) throws {
            let pending = try fixture.pendingApprovals()
            if !pending.isEmpty {
                let approval = random.pick(pending)
                let action: OperatorAction = random.chance(0.7)
                    ? .approve(approval.id, reason: nil) : .reject(approval.id, reason: "numbers do not match the report")
                _ = try? fixture.act(action, as: fixture.decider(for: approval))
            }
            let running = try fixture.runs(.running)
            if !running.isEmpty, random.chance(0.5) {
                _ = try? fixture.act(.cancel(random.pick(running).id, reason: "holds GPUs idle"), as: "ops-jour")
            }
            for state in [RunState.queued, .running] where random.chance(0.5) {
                let runs = try fixture.runs(state)
                guard !runs.isEmpty else { continue }
                let run = random.pick(runs)
                let kind = DemoCatalogue.pool(run.poolID)?.kind
                let targets = DemoCatalogue.pools.filter {
                    $0.kind == kind && $0.id != run.poolID && $0.fits(gpus: run.gpus, cpus: run.cpus)
                }
                guard !targets.isEmpty else { continue }
                let target = random.pick(targets).id
                _ = try? fixture.act(.reroute(run.id, toPool: target, reason: "spare capacity"), as: "ops-nuit")
            }
        }
    }

    @Test("three simulated hours: no illegal transition, no node over its GPUs, steady activity, the audit verifies")
    func threeHours() throws {
        var settings = SimulationSettings()
        settings.maxStep = 45
        let fixture = try SimulationFixture(seed: 11, settings: settings)
        var operators = Operators(random: SeededRandom(seed: 99))
        var levels: [(queued: Int, running: Int)] = []
        for minute in stride(from: 5, through: 180, by: 5) {
            try fixture.simulation.advance(by: 300)
            try operators.act(on: fixture)
            try Self.checkNodes(fixture)
            if minute >= 30 {
                let summary = try fixture.store.queueSummary(now: fixture.simulation.now)
                levels.append((summary.count(.queued), summary.count(.running)))
            }
        }
        let transitions = fixture.recorder.transitions
        let illegal = transitions.filter { !$0.legal }
        #expect(illegal.isEmpty, "illegal transitions: \(illegal.prefix(5))")
        #expect(transitions.count > 1_000)
        let runTransitions = Set(transitions.compactMap { transition -> String? in
            guard case .run = transition.subject else { return nil }
            return "\(transition.from)→\(transition.to)"
        })
        for expected in [
            "new→queued", "queued→running", "running→succeeded", "running→failed", "running→awaiting_approval",
            "awaiting_approval→running", "awaiting_approval→cancelled", "running→cancel_requested",
            "cancel_requested→cancelled", "running→reroute_requested", "reroute_requested→queued",
        ] {
            #expect(runTransitions.contains(expected), "never saw \(expected)")
        }
        #expect(fixture.simulation.totals[.conflict] == nil, "the runtime lost no race: it always reads before it acts")
        for level in levels {
            #expect((15...160).contains(level.queued), "queue drained or exploded: \(level)")
            #expect((20...140).contains(level.running), "running work drained or exploded: \(level)")
        }
        let verification = try fixture.store.verifyAudit()
        #expect(verification.firstBreak == nil)
        for run in try fixture.allRuns() where run.state.isTerminal {
            #expect(run.endedAt != nil)
        }
    }

    /// No node holds more GPUs than it has; a node holds work only if it belongs to the run's pool.
    static func checkNodes(_ fixture: SimulationFixture) throws {
        let holding = try fixture.store.runs(RunQuery(
            states: [.running, .awaitingApproval, .cancelRequested, .rerouteRequested], sort: .id, descending: false,
            limit: 100_000
        ))
        var gpus: [String: Int] = [:]
        for run in holding {
            guard let name = run.node else { continue }
            gpus[name, default: 0] += run.gpus
            let node = try #require(DemoCatalogue.nodes.first { $0.name == name })
            if run.state != .rerouteRequested {
                #expect(node.pool == run.poolID, "\(run.id) runs on \(name) outside its pool \(run.poolID)")
            }
        }
        for node in DemoCatalogue.nodes {
            #expect(gpus[node.name, default: 0] <= node.gpuCount, "\(node.name) holds \(gpus[node.name, default: 0]) GPUs")
        }
    }

    @Test("the same seed and the same steps write the same rows; another seed does not")
    func determinism() throws {
        func play(seed: UInt64) throws -> [String: [Row]] {
            var settings = SimulationSettings()
            settings.maxStep = 20
            let fixture = try SimulationFixture(seed: 3, simulationSeed: seed, settings: settings)
            try fixture.simulation.advance(by: 240)
            var operators = Operators(random: SeededRandom(seed: 5))
            try operators.act(on: fixture)
            try fixture.simulation.advance(by: 600)
            var dump = try Self.dump(fixture.store)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            dump["nodes"] = try fixture.simulation.nodeSamples.map {
                Row(["json": String(decoding: try encoder.encode($0), as: UTF8.self)])
            }
            return dump
        }
        let first = try play(seed: 21)
        let again = try play(seed: 21)
        let other = try play(seed: 22)
        for table in first.keys.sorted() {
            #expect(first[table] == again[table], "\(table) differs between two plays of the same seed")
        }
        #expect(first["runs"] != other["runs"])
    }

    static func dump(_ store: SQLiteJobStore) throws -> [String: [Row]] {
        try store.bulkLoad { db in
            var rows: [String: [Row]] = [:]
            for table in ["runs", "approvals", "decisions", "audit_log"] {
                rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
            }
            return rows
        }
    }
}
