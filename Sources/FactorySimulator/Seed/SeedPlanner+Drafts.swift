import FactoryModel

/// New runs and texts for the seed, as the demo draws them (``DemoPlanner/draft(_:_:on:state:large:)``), with the
/// templates parsed once and each pool's node shape worked out once.
extension SeedPlanner {
    /// What a pool's nodes offer a run: cores per GPU on its GPU nodes, and its smallest node's cores.
    struct PoolShape {
        var coresPerGPU: Int
        var smallestCores: Int
    }

    static func shapes(of nodes: [DemoNode]) -> [String: PoolShape] {
        var shapes: [String: PoolShape] = [:]
        for node in nodes {
            var shape = shapes[node.pool] ?? PoolShape(
                coresPerGPU: node.gpuCount > 0 ? node.cores / node.gpuCount : 8, smallestCores: node.cores
            )
            shape.smallestCores = min(shape.smallestCores, node.cores)
            shapes[node.pool] = shape
        }
        return shapes
    }

    /// A new run of `project` by `agent` on `pool`, not yet numbered nor timed.
    mutating func draft(
        _ project: DemoProject, _ agent: DemoAgent, on pool: Pool, state: RunState, large: Bool = false
    ) -> PlannedRun {
        let (gpus, cpus) = shape(of: agent, on: pool, large: large)
        let title = fill(demo.random.pick(project.runTitles))
        return PlannedRun(
            agent: agent.id, title: title, projectID: project.id.rawValue, state: state, priority: demo.priority(),
            poolID: pool.id, gpus: gpus, cpus: cpus, submittedBy: agent.id, submittedAt: 0
        )
    }

    /// GPUs only where there are some, cores in proportion; with `large`, bigger sizes are likelier.
    private mutating func shape(of agent: DemoAgent, on pool: Pool, large: Bool) -> (gpus: Int, cpus: Int) {
        let shape = shapes[pool.id] ?? PoolShape(coresPerGPU: 8, smallestCores: 16)
        switch pool.kind {
        case .gpu:
            let gpus = demo.random.pick(agent.gpuChoices.isEmpty ? [1] : agent.gpuChoices) { large ? $0 * $0 : 1 }
            return (gpus, gpus * shape.coresPerGPU)
        case .cpu:
            let sizes = Self.cpuSizes.filter { $0 <= shape.smallestCores }
            return (0, demo.random.pick(sizes.isEmpty ? [4] : sizes) { large ? $0 : 8 })
        case .edge:
            let gpus = !agent.gpuChoices.isEmpty && pool.gpuCapacity > 0 && demo.random.chance(0.35) ? 1 : 0
            return (gpus, demo.random.pick([2, 4, 8]) { large ? $0 : 1 })
        }
    }

    private static let cpuSizes = [4, 8, 16, 32, 64, 96, 128]

    /// `template` filled (see ``SeedTemplates``).
    mutating func fill(_ template: String, node: String = "", from: String = "", to: String = "") -> String {
        templates.fill(template, node: node, from: from, to: to, random: &demo.random)
    }

    /// Why an operator cancelled `run`.
    mutating func cancelReason(for run: PlannedRun) -> String {
        let reasons = run.gpus > 0 ? DemoWords.cancelReasons : Self.cancelReasonsWithoutGPU
        return fill(demo.random.pick(reasons), node: run.node ?? "", from: run.poolID)
    }

    private static let cancelReasonsWithoutGPU = DemoWords.cancelReasons.filter { !$0.contains("GPU") }
}
