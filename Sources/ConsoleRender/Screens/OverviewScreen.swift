import ConsoleCore

/// The overview: capacity, the queue, what waits for a human, and the institutes in trouble, on one screen.
///
/// Under 130 columns the sections are stacked: capacity, what waits for a human, then the queue beside the
/// institutes. From 130 columns, under capacity, the left column holds what waits and what was decided recently,
/// the right one the queue, the pools and the institutes. Each section gets rows for what it has to show, the
/// approvals first.
enum OverviewScreen {
    /// The width from which the overview uses two columns.
    static let twoColumnWidth = 130

    static func render(_ state: ConsoleState, into grid: inout CellGrid, layout: ScreenLayout) {
        let top = layout.banners + 2
        let height = layout.statusRow - top
        let width = grid.width
        guard height > 0 else { return }
        let capacity = Rect(x: 0, y: top, width: width, height: min(height, CapacitySection.height(state)))
        CapacitySection.render(state, into: &grid, in: capacity)
        let rest = Rect(x: 0, y: capacity.maxY, width: width, height: height - capacity.height)
        guard !rest.isEmpty else { return }
        if width >= twoColumnWidth {
            twoColumns(state, into: &grid, in: rest)
        } else {
            stacked(state, into: &grid, in: rest)
        }
    }

    /// What waits (with what was decided under it when there is room) left; queue, pools, institutes right.
    private static func twoColumns(_ state: ConsoleState, into grid: inout CellGrid, in rest: Rect) {
        let leftWidth = rest.width * 5 / 8
        let pending = state.store?.queue.pendingApprovals ?? 0
        var waitingHeight = min(rest.height, 2 + pending)
        if rest.height - waitingHeight < 4 { waitingHeight = rest.height }
        WaitingSection.render(state, into: &grid, in: Rect(x: 0, y: rest.y, width: leftWidth, height: waitingHeight))
        DecidedSection.render(state, into: &grid, in: Rect(x: 0, y: rest.y + waitingHeight, width: leftWidth,
                                                           height: rest.height - waitingHeight))
        let right = Rect(x: leftWidth + 1, y: rest.y, width: rest.width - leftWidth - 1, height: rest.height)
        let queueHeight = min(right.height, 7)
        QueueSection.render(state, into: &grid, in: Rect(x: right.x, y: right.y, width: right.width, height: queueHeight))
        // The pools only when the institutes keep room for a few lines.
        let poolsWanted = PoolsSection.height(state)
        let poolsHeight = right.height - queueHeight - poolsWanted >= 6 ? poolsWanted : 0
        PoolsSection.render(state, into: &grid, in: Rect(x: right.x, y: right.y + queueHeight, width: right.width,
                                                         height: poolsHeight))
        let institutesTop = right.y + queueHeight + poolsHeight
        InstitutesSection.render(state, into: &grid, in: Rect(x: right.x, y: institutesTop, width: right.width,
                                                              height: right.maxY - institutesTop))
    }

    /// Capacity, then what waits across the width, then the queue beside the institutes.
    private static func stacked(_ state: ConsoleState, into grid: inout CellGrid, in rest: Rect) {
        let pending = state.store?.queue.pendingApprovals ?? 0
        // The queue needs its rule and four lines; the approvals take what is left, up to all of them.
        let bottomHeight = min(rest.height, 5)
        let waitingHeight = max(0, min(rest.height - bottomHeight, 1 + max(1, pending)))
        WaitingSection.render(state, into: &grid, in: Rect(x: 0, y: rest.y, width: rest.width, height: waitingHeight))
        let bottom = Rect(x: 0, y: rest.y + waitingHeight, width: rest.width, height: rest.height - waitingHeight)
        let queueWidth = min(40, rest.width * 45 / 100)
        QueueSection.render(state, into: &grid, in: Rect(x: 0, y: bottom.y, width: queueWidth, height: bottom.height))
        InstitutesSection.render(state, into: &grid, in: Rect(x: queueWidth + 1, y: bottom.y,
                                                              width: rest.width - queueWidth - 1, height: bottom.height))
    }
}
