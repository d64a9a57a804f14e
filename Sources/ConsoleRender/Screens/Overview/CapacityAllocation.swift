import ConsoleCore
import FactoryModel

/// What the job store knows of one kind of capacity when no registry is configured: what running work holds of
/// the pools of that kind (GPUs for GPU pools, cores otherwise), and how many runs wait in them.
///
/// ```
///   GPU   ███████▋░  84%  229/272 GPUs held by running work · 41 queued
/// ```
struct CapacityAllocation: Sendable, Hashable {
    /// The kind.
    var kind: ResourceKind
    /// GPUs or cores held by running work.
    var used: Int
    /// GPUs or cores in all.
    var capacity: Int
    /// Runs waiting in the kind's pools.
    var queued: Int

    /// One allocation per kind that has capacity, from the store's pools.
    static func of(_ state: ConsoleState) -> [CapacityAllocation] {
        guard let pools = state.store?.pools else { return [] }
        return ResourceKind.allCases.compactMap { kind in
            let members = pools.filter { $0.pool.kind == kind }
            let gpus = kind == .gpu
            let capacity = members.reduce(0) { $0 + (gpus ? $1.pool.gpuCapacity : $1.pool.cpuCapacity) }
            guard capacity > 0 else { return nil }
            return CapacityAllocation(kind: kind, used: members.reduce(0) { $0 + (gpus ? $1.gpusInUse : $1.cpusInUse) },
                                      capacity: capacity, queued: members.reduce(0) { $0 + $1.queued })
        }
    }

    /// Draws the line on row `y` from column `x`, `width` columns wide.
    func render(into grid: inout CellGrid, x: Int, y: Int, width: Int) {
        let meterWidth = width < 100 ? 14 : min(32, width / 5)
        var column = x
        column += grid.put(kind.label, x: column, y: y, width: 6, style: .header)
        Meter(percent: 100 * Double(used) / Double(capacity)).render(into: &grid, x: column, y: y, width: meterWidth)
        column += meterWidth + 2
        let unit = grid.tr(kind == .gpu ? "GPUs" : "cores")
        let text = grid.tr("\(ListFormat.count(used))/\(ListFormat.count(capacity)) \(unit) held by running work")
            + " \(grid.glyphs.separator) " + grid.tr("\(ListFormat.count(queued)) queued")
        grid.put(text, x: column, y: y, width: x + width - column, style: .dim)
    }
}
