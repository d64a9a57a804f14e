import Foundation
import Testing
import FactoryModel
import FactoryStore
@testable import FactorySimulator

/// The simulated runtime honours the stop button, headless, deterministic with a seed.
@Suite("The simulator honours pauses")
struct PauseHonouredTests {
    /// The pool with the most queued runs now.
    static func busiestPool(_ fixture: SimulationFixture) throws -> String {
        let queued = Dictionary(grouping: try fixture.runs(.queued), by: \.poolID).mapValues(\.count)
        guard let pool = queued.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
            throw FixtureError("nothing is queued")
        }
        return pool
    }

    @Test("a paused pool starts nothing new; its running work goes on; resumed, it starts work again")
    func poolPause() throws {
        let fixture = try SimulationFixture(seed: 7)
        try fixture.simulation.advance(by: 5)
        let pool = try Self.busiestPool(fixture)
        let supervisor = DemoCatalogue.supervisors[0]
        try fixture.act(.pause(scope: .pool, target: pool, mode: .continue, reason: "cooling fault"), as: supervisor)
        let pausedAt = fixture.simulation.now
        let runningBefore = try fixture.runs(.running).filter { $0.poolID == pool }.map(\.id)
        for _ in 0..<120 { try fixture.simulation.advance(by: 1) }
        let startedThere = try fixture.allRuns().filter { $0.poolID == pool && ($0.startedAt ?? .distantPast) > pausedAt }
        #expect(startedThere.isEmpty, "started on a paused pool: \(startedThere.map(\.id))")
        #expect(try fixture.runs(.queued).contains { $0.poolID == pool }, "work waits in the paused pool's queue")
        for id in runningBefore {
            #expect(try fixture.run(id).state != .cancelled, "continue mode lets running work finish")
        }

        let pause = try #require(try fixture.store.pauses().first)
        try fixture.act(.resume(pause.id, reason: "repaired"), as: DemoCatalogue.supervisors[1])
        let resumedAt = fixture.simulation.now
        #expect(try fixture.advance(until: {
            try fixture.allRuns().contains { $0.poolID == pool && ($0.startedAt ?? .distantPast) > resumedAt }
        }, limit: 120))
        #expect(fixture.simulation.totals[.conflict] == nil)
    }

    @Test("a confirmed drain pause of a site stops its running work and starts nothing there")
    func siteDrain() throws {
        let fixture = try SimulationFixture(seed: 7)
        try fixture.simulation.advance(by: 5)
        let pools = try fixture.store.pools()
        let running = try fixture.runs(.running)
        let sites = Dictionary(grouping: running, by: { run in pools.first { $0.id == run.poolID }?.siteID ?? "" })
        let site = try #require(sites.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) })?.key)
        let sitePools = Set(pools.filter { $0.siteID == site }.map(\.id))
        let supervisors = DemoCatalogue.supervisors
        try fixture.act(.pause(scope: .site, target: site, mode: .drain, reason: "grid alert"), as: supervisors[0])
        try fixture.simulation.advance(by: 5)
        #expect(try fixture.runs(.running).contains { sitePools.contains($0.poolID) }, "nothing stops before confirmation")
        let pause = try #require(try fixture.store.pauses().first)
        try fixture.act(.confirmPause(pause.id, reason: nil), as: supervisors[1])
        let confirmedAt = fixture.simulation.now
        #expect(try fixture.advance(until: {
            try !fixture.runs(.running).contains { sitePools.contains($0.poolID) }
                && !fixture.runs(.cancelRequested).contains { sitePools.contains($0.poolID) }
        }, limit: 60))
        for _ in 0..<60 { try fixture.simulation.advance(by: 1) }
        let started = try fixture.allRuns().filter { sitePools.contains($0.poolID) && ($0.startedAt ?? .distantPast) > confirmedAt }
        #expect(started.isEmpty)
        #expect(fixture.simulation.totals[.conflict] == nil)
    }
}
