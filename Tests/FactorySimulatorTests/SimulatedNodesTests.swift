import Foundation
import Testing
import FactoryModel
import FactoryStore
@testable import FactorySimulator

/// Node utilisation follows the work the simulation places; an edge site drops and comes back.
@Suite("Simulated nodes")
struct SimulatedNodesTests {
    @Test("GPUs that run work are hot, free ones idle; CPU follows the cores held")
    func followsLoad() throws {
        let fixture = try SimulationFixture()
        try fixture.simulation.advance(by: 20)
        let holding = try fixture.store.runs(RunQuery(
            states: [.running, .cancelRequested, .rerouteRequested], sort: .id, descending: false, limit: 100_000
        ))
        var busyGPUs: [String: Int] = [:]
        for run in holding { if let node = run.node { busyGPUs[node, default: 0] += run.gpus } }
        let samples = Dictionary(uniqueKeysWithValues: fixture.simulation.nodeSamples.map { ($0.id, $0) })
        var hot = 0
        var idle = 0
        for node in DemoCatalogue.nodes where node.kind == .gpu {
            let sample = try #require(samples[node.id])
            let busy = busyGPUs[node.name, default: 0]
            let utils = sample.gpus.map(\.util)
            #expect(utils.filter { $0 >= 85 && $0 <= 99 }.count == busy, "\(node.name): \(busy) busy GPUs, utils \(utils)")
            if busy == node.gpuCount {
                hot += 1
                #expect(sample.gpus.allSatisfy { $0.tempC > 60 && $0.powerW > GPUPowerProfile.of(node.gpuModel).maxW * 0.7 })
            }
            if busy == 0 && !sample.gpus.isEmpty {
                idle += 1
                #expect(utils.allSatisfy { $0 <= 3 })
                #expect(sample.cpuUtil < 10)
            }
            for gpu in sample.gpus {
                #expect((0...100).contains(gpu.util) && gpu.memUsedMiB <= gpu.memTotalMiB)
            }
        }
        #expect(hot > 5, "the demo's GPU pools are busy: whole nodes run hot")
        #expect(samples.values.allSatisfy { $0.status == .up && $0.heartbeatAt == fixture.simulation.now })
        _ = idle
    }

    @Test("an edge site drops (down, heartbeat stuck) and recovers a few minutes later")
    func edgeOutage() throws {
        var settings = SimulationSettings()
        settings.maxStep = 10
        let fixture = try SimulationFixture(settings: settings)
        var events: [SimulationEvent] = []
        while !events.contains(where: { $0.kind == .siteDown }) && fixture.simulation.now < demoNow.addingTimeInterval(600) {
            events += try fixture.simulation.advance(by: 10)
        }
        let down = try #require(events.first { $0.kind == .siteDown })
        #expect(down.at.timeIntervalSince(demoNow) <= settings.firstOutage.upperBound + 10)
        try fixture.simulation.advance(by: 30)
        let site = down.subject
        let nodes = fixture.simulation.nodeSamples.filter { $0.site == site }
        #expect(!nodes.isEmpty)
        #expect(nodes.allSatisfy { $0.status == .down && $0.heartbeatAt < fixture.simulation.now.addingTimeInterval(-25) })
        #expect(fixture.simulation.nodeSamples.filter { $0.site != site }.allSatisfy { $0.status == .up })
        var later: [SimulationEvent] = []
        while !later.contains(where: { $0.kind == .siteUp }) && fixture.simulation.now < down.at.addingTimeInterval(400) {
            later += try fixture.simulation.advance(by: 10)
        }
        let up = try #require(later.first { $0.kind == .siteUp && $0.subject == site })
        let length = up.at.timeIntervalSince(down.at)
        #expect(length >= settings.outageLength.lowerBound && length <= settings.outageLength.upperBound + 10)
        let back = fixture.simulation.nodeSamples.filter { $0.site == site }
        #expect(back.allSatisfy { $0.status == .up && $0.heartbeatAt == fixture.simulation.now })
    }
}
