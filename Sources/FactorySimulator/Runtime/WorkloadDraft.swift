import Foundation
import FactoryModel
import FactoryStore

/// Invents the factory's new work from the demo catalogue: which project and agent submit a run, on which pool,
/// asking for how much, and how long it will take.
enum WorkloadDraft {
    /// Queued runs from which a pool counts as crowded.
    static let crowdedQueue = 12

    /// A new run of a project (busy projects likelier), by one of its agents, on one of the agent's pools (its
    /// usual one likelier); when that pool's queue (`queued`, by pool) is crowded, the agent's pool of the same
    /// kind with the shortest queue.
    static func newRun(at time: Date, queued: [String: Int], random: inout SeededRandom) -> NewRun {
        let project = random.pick(DemoCatalogue.projects) { $0.workWeight }
        let agent = DemoCatalogue.agent(random.pick(project.agents)) ?? DemoCatalogue.agents[0]
        let weighted = agent.pools.enumerated().map { (id: $0.element, weight: $0.offset == 0 ? 3 : 1) }
        var pool = DemoCatalogue.pool(random.pick(weighted) { $0.weight }.id) ?? DemoCatalogue.pools[0]
        if queued[pool.id, default: 0] >= crowdedQueue {
            let alternatives = agent.pools.compactMap(DemoCatalogue.pool).filter { $0.kind == pool.kind }
            if let shortest = alternatives.min(by: { queued[$0.id, default: 0] < queued[$1.id, default: 0] }) {
                pool = shortest
            }
        }
        let (gpus, cpus) = shape(of: agent, on: pool, random: &random)
        let title = DemoTemplate.fill(random.pick(project.runTitles), using: &random)
        return NewRun(
            agent: agent.id, title: title, projectID: project.id, priority: priority(&random), poolID: pool.id,
            gpus: gpus, cpus: cpus, submittedBy: submitter(project, agent, at: time, &random), submittedAt: time
        )
    }

    /// GPUs where the pool has some, cores in proportion to the node's cores per GPU.
    static func shape(of agent: DemoAgent, on pool: Pool, random: inout SeededRandom) -> (gpus: Int, cpus: Int) {
        let nodes = DemoCatalogue.nodes.filter { $0.pool == pool.id }
        switch pool.kind {
        case .gpu:
            // Bigger requests are likelier, as in the demo factory: long runs on many GPUs hold most of a pool.
            let gpus = random.pick(agent.gpuChoices.isEmpty ? [1] : agent.gpuChoices) { $0 }
            let perGPU = nodes.first.map { $0.gpuCount > 0 ? $0.cores / $0.gpuCount : 8 } ?? 8
            return (gpus, gpus * perGPU)
        case .cpu:
            let smallest = nodes.map(\.cores).min() ?? 16
            return (0, random.pick([4, 8, 16, 32, 64].filter { $0 <= smallest }))
        case .edge:
            let gpus = !agent.gpuChoices.isEmpty && pool.gpuCapacity > 0 && random.chance(0.35) ? 1 : 0
            return (gpus, random.pick([2, 4, 8]))
        }
    }

    /// How long a run takes at the demo's pace, in seconds.
    static func duration(kind: ResourceKind, gpus: Int, random: inout SeededRandom) -> Double {
        switch kind {
        case .gpu where gpus >= 8: random.nextDouble(in: 1_200...3_600)
        case .gpu: random.nextDouble(in: 480...2_400)
        case .cpu: random.nextDouble(in: 180...1_500)
        case .edge: random.nextDouble(in: 60...600)
        }
    }

    /// Why a run failed, with the node it ran on.
    static func failure(node: String, kind: ResourceKind, random: inout SeededRandom) -> String {
        let reasons = kind == .edge ? DemoWords.failures + DemoWords.edgeFailures : DemoWords.failures
        let template = random.pick(reasons).replacingOccurrences(of: "{node}", with: node)
        return DemoTemplate.fill(template, using: &random)
    }

    private static func priority(_ random: inout SeededRandom) -> RunPriority {
        random.pick(RunPriority.allCases) { priority in
            switch priority {
            case .low: 15
            case .normal: 55
            case .high: 22
            case .urgent: 8
            }
        }
    }

    /// Mostly the agent itself, sometimes the project's supervisor or an on-call operator.
    private static func submitter(
        _ project: DemoProject, _ agent: DemoAgent, at time: Date, _ random: inout SeededRandom
    ) -> String {
        let roll = random.nextDouble()
        if roll < 0.8 { return agent.id }
        if roll < 0.93 { return project.supervisor }
        return random.pick(DemoCatalogue.onCallOperators)
    }
}
