import ConsoleCore
import FactoryModel

/// On a large overview: each pool with what running work holds of it and its queue, from the job store, so the
/// operator sees where work waits and where there is room to move it.
///
/// ```
/// ─ Pools ───────────────────────────────────────────────
///   dakhla-gpu     GPU   ████████▌░░  82%   98/120 GPUs   23 queued
///   rabat-cpu      CPU   ███▏░░░░░░░  31%  160/512 cores   0 queued
/// ```
enum PoolsSection {
    private static let columns = [
        TableColumn("POOL", width: .fixed(14), priority: 9),
        TableColumn("KIND", width: .fixed(4), priority: 3),
        TableColumn("HELD", width: .flexible(min: 12, weight: 1), priority: 8),
        TableColumn("UNITS", width: .fixed(15), alignment: .right, priority: 7),
        TableColumn("QUEUED", width: .fixed(9), alignment: .right, priority: 9),
    ]

    /// The rows the section wants: its rule and a line per pool.
    static func height(_ state: ConsoleState) -> Int {
        guard let pools = state.store?.pools, !pools.isEmpty else { return 0 }
        return 1 + pools.count
    }

    static func render(_ state: ConsoleState, into grid: inout CellGrid, in rect: Rect) {
        guard rect.height > 1, let pools = state.store?.pools, !pools.isEmpty else { return }
        let queued = pools.reduce(0) { $0 + $1.queued }
        OverviewRule.draw("Pools", note: grid.tr("held by running work") + " \(grid.glyphs.separator) " + grid.tr("\(ListFormat.count(queued)) queued"),
                          into: &grid, x: rect.x, y: rect.y, width: rect.width)
        let frame = ListFrame(columns: columns.localized(grid.tr, french: ["QUEUED": 10]), x: rect.x, width: rect.width - 1)
        let ordered = pools.sorted { ($0.pool.kind, $0.pool.id) < ($1.pool.kind, $1.pool.id) }
        for (offset, load) in ordered.prefix(rect.height - 1).enumerated() {
            let gpus = load.pool.kind == .gpu
            let used = gpus ? load.gpusInUse : load.cpusInUse
            let capacity = gpus ? load.pool.gpuCapacity : load.pool.cpuCapacity
            let percent = capacity > 0 ? 100 * Double(used) / Double(capacity) : nil
            frame.drawRow([
                .plain(load.pool.id),
                .styled(load.pool.kind.label, .dim),
                .meter(percent),
                .styled("\(ListFormat.count(used))/\(ListFormat.count(capacity)) " + grid.tr(gpus ? "GPUs" : "cores"), .dim),
                .styled(grid.tr("\(ListFormat.count(load.queued)) queued"), load.queued > 0 ? .normal : .dim),
            ], into: &grid, y: rect.y + 1 + offset, selected: false)
        }
    }
}
