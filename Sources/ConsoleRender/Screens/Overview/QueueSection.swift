import ConsoleCore
import FactoryModel
import SafeText

/// The overview's queue at a glance, from the job store.
///
/// ```
/// ─ Queue ──────────────────────────
///   queued     1 204  oldest 00:41:10
///   running      377
///   awaiting      23  4 high risk
///   failed 1h      9  !
/// ```
enum QueueSection {
    static func render(_ state: ConsoleState, into grid: inout CellGrid, in rect: Rect) {
        guard rect.height > 0 else { return }
        OverviewRule.draw("Queue", note: nil, into: &grid, x: rect.x, y: rect.y, width: rect.width)
        guard rect.height > 1 else { return }
        guard let queue = state.store?.queue else {
            grid.put(grid.tr("Reading the job store") + grid.charset.ellipsis, x: rect.x + 2, y: rect.y + 1, width: rect.width - 3,
                     style: .dim)
            return
        }
        let tr = grid.tr
        var lines: [(label: String, count: Int, note: StyledLine.Part?)] = []
        let oldest = queue.oldestQueuedAt.map { date -> StyledLine.Part in
            let wait = state.now.timeIntervalSince(date)
            return StyledLine.Part(tr("oldest \(ApprovalFormat.hms(wait))"), wait > 3600 ? .warn : .dim)
        }
        lines.append((tr("queued"), queue.count(.queued), oldest))
        lines.append((tr("running"), queue.count(.running), nil))
        let high = queue.pendingHighRisk > 0 ? StyledLine.Part(tr("\(queue.pendingHighRisk) high risk"), .critical) : nil
        lines.append((tr("awaiting"), queue.count(.awaitingApproval), high))
        lines.append((tr("failed 1h"), queue.failedLastHour, queue.failedLastHour > 0 ? StyledLine.Part("!", .critical) : nil))
        let stopping = queue.count(.cancelRequested)
        let moving = queue.count(.rerouteRequested)
        if stopping + moving > 0 {
            lines.append((tr("stopping"), stopping, moving > 0 ? StyledLine.Part(tr("moving \(ListFormat.count(moving))"), .normal) : nil))
        }
        for (offset, line) in lines.prefix(rect.height - 1).enumerated() {
            let y = rect.y + 1 + offset
            let label = grid.put(TextFit.pad(line.label, toWidth: 10), x: rect.x + 2, y: y, style: .dim,
                                 maxWidth: rect.width - 3)
            let number = TextFit.pad(ListFormat.count(line.count), toWidth: 6, alignment: .right)
            let style: StyleName = line.label == tr("failed 1h") && line.count > 0 ? .critical : .normal
            let x = rect.x + 2 + label
            let written = grid.put(number, x: x, y: y, style: style, maxWidth: rect.maxX - x)
            if let note = line.note {
                StyledLine([note]).render(into: &grid, x: x + written + 2, y: y, width: rect.maxX - 1 - (x + written + 2))
            }
        }
    }
}
